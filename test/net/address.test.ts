import { describe, expect, it } from 'vitest';
import { classifyAddress } from '../../src/net/address';

describe('classifyAddress', () => {
  it.each([
    ['93.184.215.14', 4],
    ['8.8.8.8', 4],
    ['2606:4700:4700::1111', 6],
    ['::ffff:93.184.215.14', 4],
    ['64:ff9b::808:808', 6],
  ])('allows the public address %s', (ip, family) => {
    const verdict = classifyAddress(ip);
    expect(verdict.allowed).toBe(true);
    if (verdict.allowed) expect(verdict.family).toBe(family);
  });

  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.5.6.7', 'a loopback address'],
    ['10.1.2.3', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.1.1', 'a link-local address'],
    ['169.254.169.254', 'a cloud metadata address'],
    ['100.64.0.1', 'a carrier-grade NAT (shared) address'],
    ['100.100.100.200', 'a cloud metadata address'],
    ['0.0.0.0', 'an unspecified address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'a broadcast address'],
    ['::1', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['fe80::1', 'a link-local address'],
    ['fc00::1', 'a unique-local (private) address'],
    ['fd12:3456::1', 'a unique-local (private) address'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['ff02::1', 'a multicast address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:169.254.169.254', 'a cloud metadata address'],
    ['::ffff:10.0.0.1', 'a private address'],
    ['64:ff9b::a00:1', 'a private address (embedded in 64:ff9b::a00:1)'],
    ['2002:7f00:1::', 'a 6to4 tunnel address'],
    ['2001::1', 'a Teredo tunnel address'],
    ['localhost', 'not an IP address'],
    ['', 'not an IP address'],
  ])('refuses %s as %s', (ip, reason) => {
    expect(classifyAddress(ip)).toMatchObject({ allowed: false, reason });
  });

  it('refuses IPv4 written in the short forms some resolvers accept', () => {
    // "127.1" and decimal "2130706433" are loopback to inet_aton; ipaddr.js parses them the same way.
    expect(classifyAddress('127.1')).toMatchObject({ allowed: false });
    expect(classifyAddress('2130706433')).toMatchObject({ allowed: false });
    expect(classifyAddress('0x7f.0.0.1')).toMatchObject({ allowed: false });
  });
});
