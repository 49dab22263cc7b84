using System.Diagnostics.CodeAnalysis;

namespace EniAgent.Core.Metadata.Parsing;

/// <summary>The shape every strict parser shares: a value, or a reason that says what is wrong with the text.</summary>
internal delegate bool TextParser<T>(string text, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error);
