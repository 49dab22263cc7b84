namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>One entry of <c>enis</c> in <c>eniagent reconcile --json</c>.</summary>
internal sealed record ReportedEni(string? EniId, string? Interface, string Disposition, string Reason);
