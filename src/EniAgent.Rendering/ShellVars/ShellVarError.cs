namespace EniAgent.Rendering.ShellVars;

/// <summary>Every way a KEY=VALUE text can be refused (the only errors the parser and quoter raise).</summary>
public enum ShellVarError
{
    /// <summary>A line is neither blank, a comment, nor <c>KEY=VALUE</c>.</summary>
    NotAnAssignment,

    /// <summary>The key is not <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    InvalidKey,

    /// <summary>A value holds a character outside the strict set (anything a shell or an <c>eval</c> could act on).</summary>
    UnsafeCharacter,

    /// <summary>A quote is opened and never closed on the same line.</summary>
    UnbalancedQuote,

    /// <summary>Text follows the closing quote (e.g. <c>'a'b</c> or <c>'a' ; cmd</c>).</summary>
    TrailingText,

    /// <summary>The same key is assigned twice.</summary>
    DuplicateKey,

    /// <summary>The text contains a NUL or a carriage return.</summary>
    InvalidControlCharacter,
}
