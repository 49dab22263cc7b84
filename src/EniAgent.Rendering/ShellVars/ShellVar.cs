namespace EniAgent.Rendering.ShellVars;

/// <summary>One assignment read from a KEY=VALUE file, with its 1-based line.</summary>
public sealed record ShellVar(string Key, string Value, int Line);
