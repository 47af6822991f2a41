// Which IP addresses Herald may fetch from. Pure: the safe fetch resolves names itself and asks this
// module about every address before it connects, so a feed cannot make Herald reach the machine it
// runs on, its private network or a cloud metadata service.
import ipaddr from 'ipaddr.js';

export type AddressVerdict =
  | { allowed: true; address: string; family: 4 | 6 }
  | { allowed: false; address: string; reason: string };

/** Cloud instance-metadata endpoints, named explicitly so the refusal says what they are. */
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

const V4_REASONS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  private: 'a private address',
  reserved: 'a reserved address',
  benchmarking: 'a benchmarking address',
  as112: 'an AS112 address',
  amt: 'an AMT address',
};

const V6_REASONS: Record<string, string> = {
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  uniqueLocal: 'a unique-local (private) address',
  reserved: 'a reserved address',
  benchmarking: 'a benchmarking address',
  teredo: 'a Teredo tunnel address',
  '6to4': 'a 6to4 tunnel address',
  orchid2: 'an ORCHIDv2 address',
  as112v6: 'an AS112 address',
  amt: 'an AMT address',
  droneRemoteIdProtocolEntityTags: 'a reserved address',
};

/** Classifies one literal IP address (v4, v6, v4-mapped v6). Anything unparsable is refused. */
export function classifyAddress(literal: string): AddressVerdict {
  const text = literal.trim().replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(text)) return { allowed: false, address: literal, reason: 'not an IP address' };
  let ip = ipaddr.parse(text);
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.zoneId) return { allowed: false, address: literal, reason: 'a scoped (zone) address' };
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
  }
  const address = ip.toString();
  if (METADATA.has(address)) return { allowed: false, address, reason: 'a cloud metadata address' };
  if (ip.kind() === 'ipv4') {
    const range = (ip as ipaddr.IPv4).range();
    if (range === 'unicast') return { allowed: true, address, family: 4 };
    return { allowed: false, address, reason: V4_REASONS[range] ?? `a ${range} address` };
  }
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'unicast') return { allowed: true, address, family: 6 };
  // NAT64 / IPv4-translated forms carry an IPv4 address in their last 32 bits: judge that one.
  if (range === 'rfc6052' || range === 'rfc6145') {
    const [a, b] = v6.parts.slice(6);
    const inner = classifyAddress(`${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`);
    return inner.allowed ? { allowed: true, address, family: 6 } : { allowed: false, address, reason: `${inner.reason} (embedded in ${address})` };
  }
  return { allowed: false, address, reason: V6_REASONS[range] ?? `a ${range} address` };
}
