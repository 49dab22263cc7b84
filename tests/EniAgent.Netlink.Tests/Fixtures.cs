namespace EniAgent.Netlink.Tests;

/// <summary>Kernel messages written out by hand from the UAPI layouts (little-endian host).</summary>
internal static class Fixtures
{
    /// <summary>RTM_NEWLINK for eth1 (#7), a veth with an alternative name, in a dump (seq 42).</summary>
    public static readonly byte[] NewLink = Hex.Bytes("""
        70000000 1000 0200 2a000000 34120000   # nlmsghdr: len 112, RTM_NEWLINK, NLM_F_MULTI, seq 42, pid 0x1234
        00 00 0100 07000000 43100100 00000000 # ifinfomsg: family 0, ARPHRD_ETHER, index 7, UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP
        0900 0300 6574683100 000000           # IFLA_IFNAME "eth1\0" (9 bytes, 3 bytes padding)
        0a00 0100 00163eaabbcc 0000           # IFLA_ADDRESS 00:16:3e:aa:bb:cc (10 bytes, 2 padding)
        0800 0400 dc050000                    # IFLA_MTU 1500
        0500 1000 06 000000                   # IFLA_OPERSTATE IF_OPER_UP
        0800 0d00 e8030000                    # IFLA_TXQLEN 1000 (not decoded: skipped)
        1000 1280                             # IFLA_LINKINFO | NLA_F_NESTED, 16 bytes
          0900 0100 7665746800 000000         #   IFLA_INFO_KIND "veth\0"
        1000 3480                             # IFLA_PROP_LIST | NLA_F_NESTED, 16 bytes
          0b00 3500 656e7030733500 00         #   IFLA_ALT_IFNAME "enp0s5\0"
        """);

    /// <summary>
    /// RTM_NEWLINK for eth1 (#7) with IFLA_AF_SPEC as the kernel nests it (no NLA_F_NESTED): AF_INET6 first
    /// (skipped), then AF_INET's IFLA_INET_CONF from a kernel that knows 20 IPV4_DEVCONF ids.
    /// </summary>
    public static readonly byte[] NewLinkIpv4DevConf = Hex.Bytes("""
        94000000 1000 0200 2a000000 34120000  # nlmsghdr: len 148, RTM_NEWLINK, NLM_F_MULTI, seq 42
        00 00 0100 07000000 43100100 00000000 # ifinfomsg: index 7, UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP
        0900 0300 6574683100 000000           # IFLA_IFNAME "eth1\0"
        6800 1a00                             # IFLA_AF_SPEC, 104 bytes
          0c00 0a00                           #   AF_INET6, 12 bytes
            0800 0100 00000080                #     IFLA_INET6_FLAGS (not decoded)
          5800 0200                           #   AF_INET, 88 bytes
            5400 0100                         #     IFLA_INET_CONF, 80 bytes: u32 per id 1..20
              00000000 00000000 00000000 01000000  # forwarding, mc_forwarding, proxy_arp, accept_redirects 1
              01000000 01000000 01000000 02000000  # secure_redirects 1, send_redirects 1, shared_media 1, rp_filter 2
              00000000 00000000 00000000 00000000  # accept_source_route, bootp_relay, log_martians, tag
              00000000 00000000 00000000 00000000  # arp_filter, medium_id, disable_xfrm, disable_policy
              00000000 02000000 01000000 01000000  # force_igmp_version, arp_announce 2, arp_ignore 1, promote_secondaries 1
        """);

    /// <summary>RTM_NEWADDR: 10.0.0.5/24 on #7, permanent + noprefixroute in IFA_FLAGS, label eth1.</summary>
    public static readonly byte[] NewAddressV4 = Hex.Bytes("""
        3c000000 1400 0000 00000000 00000000  # nlmsghdr: len 60, RTM_NEWADDR (a notification: seq 0)
        02 18 80 00 07000000                  # ifaddrmsg: AF_INET, /24, IFA_F_PERMANENT, scope universe, index 7
        0800 0100 0a000005                    # IFA_ADDRESS 10.0.0.5
        0800 0200 0a000005                    # IFA_LOCAL 10.0.0.5
        0900 0300 6574683100 000000           # IFA_LABEL "eth1\0"
        0800 0800 80020000                    # IFA_FLAGS PERMANENT|NOPREFIXROUTE (beyond the 8-bit field)
        """);

    /// <summary>RTM_DELADDR: fe80::1/64 on #7, scope link, no IFA_LOCAL (as IPv6 sends it).</summary>
    public static readonly byte[] DelAddressV6 = Hex.Bytes("""
        34000000 1500 0000 00000000 00000000  # nlmsghdr: len 52, RTM_DELADDR
        0a 40 00 fd 07000000                  # ifaddrmsg: AF_INET6, /64, no flags, RT_SCOPE_LINK, index 7
        1400 0100 fe800000000000000000000000000001 # IFA_ADDRESS fe80::1
        0800 0800 02000000                    # IFA_FLAGS NODAD
        """);

    /// <summary>RTM_NEWROUTE: 10.0.0.0/24 via 10.0.0.1 dev #3 src 10.0.0.5 table 31000 proto 201 metric 100 onlink.</summary>
    public static readonly byte[] NewRoute = Hex.Bytes("""
        4c000000 1800 0200 2a000000 34120000  # nlmsghdr: len 76, RTM_NEWROUTE, NLM_F_MULTI, seq 42
        02 18 00 00 fc c9 00 01 04000000      # rtmsg: AF_INET, dst /24, table RT_TABLE_COMPAT, proto 201, universe, unicast, RTNH_F_ONLINK
        0800 0f00 18790000                    # RTA_TABLE 31000
        0800 0100 0a000000                    # RTA_DST 10.0.0.0
        0800 0500 0a000001                    # RTA_GATEWAY 10.0.0.1
        0800 0400 03000000                    # RTA_OIF 3
        0800 0700 0a000005                    # RTA_PREFSRC 10.0.0.5
        0800 0600 64000000                    # RTA_PRIORITY 100
        """);

    /// <summary>RTM_NEWRULE: priority 1000 from 10.0.0.5/32 iif eth1 fwmark 1 lookup 31000 suppress_prefixlength 0 proto 201.</summary>
    public static readonly byte[] NewRule = Hex.Bytes("""
        58000000 2000 0200 2a000000 34120000  # nlmsghdr: len 88, RTM_NEWRULE, NLM_F_MULTI, seq 42
        02 00 20 00 fc 00 00 01 00000000      # fib_rule_hdr: AF_INET, dst_len 0, src_len 32, table COMPAT, FR_ACT_TO_TBL
        0800 0f00 18790000                    # FRA_TABLE 31000
        0800 0e00 00000000                    # FRA_SUPPRESS_PREFIXLEN 0
        0500 1500 c9 000000                   # FRA_PROTOCOL 201
        0800 0600 e8030000                    # FRA_PRIORITY 1000
        0800 0200 0a000005                    # FRA_SRC 10.0.0.5
        0900 0300 6574683100 000000           # FRA_IIFNAME "eth1\0"
        0800 0a00 01000000                    # FRA_FWMARK 1
        """);

    /// <summary>NLMSG_ERROR EEXIST for seq 42, capped (header only echoed), with an extended ACK message.</summary>
    public static readonly byte[] ErrorAckCapped = Hex.Bytes("""
        3c000000 0200 0003 2a000000 34120000  # nlmsghdr: len 60, NLMSG_ERROR, NLM_F_CAPPED|NLM_F_ACK_TLVS, seq 42
        efffffff                              # error -17 (EEXIST)
        4c000000 1800 0506 2a000000 00000000  # echoed request header: len 76, RTM_NEWROUTE, REQUEST|ACK|EXCL|CREATE
        0800 0200 20000000                    # NLMSGERR_ATTR_OFFS 32 (skipped)
        1000 0100 526f757465206578697374 00    # NLMSGERR_ATTR_MSG "Route exist\0" (12 bytes)
        """);

    /// <summary>NLMSG_ERROR EINVAL not capped: the whole 28-byte request is echoed before the TLVs.</summary>
    public static readonly byte[] ErrorAckUncapped = Hex.Bytes("""
        40000000 0200 0002 07000000 34120000  # nlmsghdr: len 64, NLMSG_ERROR, NLM_F_ACK_TLVS, seq 7
        eaffffff                              # error -22 (EINVAL)
        1c000000 2000 0506 07000000 00000000  # echoed request: len 28, RTM_NEWRULE...
        02 00 00 00 00 00 00 01 00000000      #   ...its fib_rule_hdr
        1000 0100 6e6f207461626c652100 0000   # NLMSGERR_ATTR_MSG "no table!\0"
        """);

    /// <summary>NLMSG_ERROR 0: success ACK for seq 43.</summary>
    public static readonly byte[] SuccessAck = Hex.Bytes("""
        24000000 0200 0001 2b000000 34120000  # nlmsghdr: len 36, NLMSG_ERROR, NLM_F_CAPPED, seq 43
        00000000                              # error 0
        24000000 2000 0506 2b000000 00000000  # echoed header
        """);

    /// <summary>A minimal rule message for dump tests: IPv4, lookup 31000, priority <paramref name="priority"/>.</summary>
    public static byte[] DumpRule(uint sequence, byte priority, bool interrupted = false) => Hex.Bytes($"""
        2c000000 2000 {(interrupted ? "12" : "02")}00 {sequence:x2}000000 34120000 # RTM_NEWRULE, MULTI (+DUMP_INTR)
        02 00 00 00 fc 00 00 01 00000000
        0800 0f00 18790000
        0800 0600 {priority:x2}000000
        """);

    /// <summary>NLMSG_DONE ending a dump with status <paramref name="error"/> (0 or a negative errno).</summary>
    public static byte[] Done(uint sequence, int error = 0) =>
        Hex.Bytes($"14000000 0300 0200 {sequence:x2}000000 34120000 {BitConverter.ToString(BitConverter.GetBytes(error)).Replace("-", "", StringComparison.Ordinal)}");

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
