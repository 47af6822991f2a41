// Every slash command Herald registers. A test checks that each file in this folder is listed here.
import type { Command } from '../src/core/command';
import articles from './articles';
import ask from './ask';
import brief from './brief';
import facts from './facts';
import feed from './feed';
import help from './help';
import remind from './remind';
import source from './source';
import status from './status';
import timeline from './timeline';
import watch from './watch';
import when from './when';
import who from './who';

export const commands: Command<any>[] = [brief, when, timeline, who, facts, source, articles, status, help, remind, feed, watch, ask];
