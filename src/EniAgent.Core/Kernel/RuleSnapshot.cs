using System.Net;
using System.Net.Sockets;

namespace EniAgent.Core.Kernel;

/// <summary>A policy routing rule as the kernel reports it.</summary>
public sealed record RuleSnapshot(
    AddressFamily Family,
    uint Priority,
    IPNetwork? From,
    IPNetwork? To,
    uint Table,
    byte Protocol,
    int? SuppressPrefixLength,
    RuleAction Action,
    string? InputInterface,
    uint? FwMark);
