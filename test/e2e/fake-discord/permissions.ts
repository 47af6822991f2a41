// Discord's permission bits the fake checks (numbers as Discord defines them, so the fake stays an
// independent reference for Herald's own use of discord-api-types).
export const Perm = {
  ManageGuild: 1n << 5n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  ManageMessages: 1n << 13n,
  ManageWebhooks: 1n << 29n,
  CreatePublicThreads: 1n << 35n,
  Administrator: 1n << 3n,
} as const;

