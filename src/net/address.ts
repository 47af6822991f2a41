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

/**
 * The IPv4 address an IPv6 address carries in its low 32 bits, for the forms that reach it: IPv4-compatible
 * (::a.b.c.d, what the URL parser makes of [::127.0.0.1]), IPv4-translated (::ffff:0:a.b.c.d), NAT64
 * (64:ff9b::/96) and ISATAP interface ids (…:5efe:a.b.c.d). IPv4-mapped is handled before; 6to4 and Teredo
 * are refused as tunnels whatever they carry.
 */
function embeddedIPv4(v6: ipaddr.IPv6): { v4: string; form: string } | undefined {
  const p = v6.parts;
  const v4 = `${p[6] >> 8}.${p[6] & 255}.${p[7] >> 8}.${p[7] & 255}`;
  const zero = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  if (zero(0, 6) && (p[6] !== 0 || p[7] > 1)) return { v4, form: 'IPv4-compatible' };
  if (zero(0, 4) && p[4] === 0xffff && p[5] === 0) return { v4, form: 'IPv4-translated' };
  if (p[0] === 0x64 && p[1] === 0xff9b && zero(2, 6)) return { v4, form: 'NAT64' };
  if ((p[4] & 0xfdff) === 0 && p[5] === 0x5efe) return { v4, form: 'ISATAP' };
  return undefined;
}

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
  if (range === '6to4' || range === 'teredo') return { allowed: false, address, reason: V6_REASONS[range] };
  // RFC 8215's local-use NAT64 prefix translates into whatever network the operator runs: private by nature.
  if (v6.parts[0] === 0x64 && v6.parts[1] === 0xff9b && v6.parts[2] === 1) return { allowed: false, address, reason: 'a local-use NAT64 address' };
  // A form that carries an IPv4 address is judged by that address: [::127.0.0.1] is loopback.
  const embedded = embeddedIPv4(v6);
  if (embedded) {
    const inner = classifyAddress(embedded.v4);
    if (!inner.allowed) return { allowed: false, address, reason: `${inner.reason} (embedded in ${address})` };
  }
  if (range === 'unicast' || range === 'rfc6052' || range === 'rfc6145') return { allowed: true, address, family: 6 };
  return { allowed: false, address, reason: V6_REASONS[range] ?? `a ${range} address` };
}
