using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EniAgent.Core.Configuration.Yaml;

/// <summary>
/// A first pass over the YAML events, before YamlDotNet deserialises: it records the dotted key path of every
/// node by position (YamlDotNet's own errors carry only a position) and refuses what the file format does not
/// allow — several documents, a top level that is not a mapping, tags, anchors and aliases, complex or
/// duplicate keys, deep nesting. Iterative, so hostile input cannot exhaust the stack.
/// </summary>
internal sealed class YamlNodeIndex
{
    private const int MaxDepth = 32;

    private readonly Dictionary<long, NodeInfo> _nodes = [];
    private readonly Dictionary<string, NodeInfo> _valuesByPath = new(StringComparer.Ordinal);
    private readonly string _fileName;

    private YamlNodeIndex(string fileName) => _fileName = fileName;

    /// <summary>True when the file holds no document, or a document whose top level is null (only comments, "~").</summary>
    public bool IsEmpty { get; private set; } = true;

    public static YamlNodeIndex Build(string text, string fileName)
    {
        var index = new YamlNodeIndex(fileName);
        index.Walk(text);
        return index;
    }

    public static bool IsNullText(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    public static string Describe(ParsingEvent e) => e switch
    {
        MappingStart => "a mapping",
        SequenceStart => "a list",
        Scalar s => $"the value '{s.Value}'",
        AnchorAlias => "an alias",
        _ => "'" + e.GetType().Name + "'",
    };

    /// <summary>The node that starts at <paramref name="start"/>, if the first pass saw one there.</summary>
    public bool TryFind(Mark start, out NodeInfo node) => _nodes.TryGetValue(start.Index, out node!);

    /// <summary>The value node stored under a key path.</summary>
    public bool TryFindValue(string path, out NodeInfo node) => _valuesByPath.TryGetValue(path, out node!);

    public ConfigurationException Error(Mark at, string? key, string? value, string reason, Exception? inner = null) =>
        new(_fileName, at.Line > 0 ? (int)at.Line : null, at.Line > 0 ? (int)at.Column : null, key, value, reason, inner);

    private void Walk(string text)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<Frame>();
        var documents = 0;
        string? lastPath = null;
        var lastEnd = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                lastEnd = e.End;
                switch (e)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            throw Error(e.Start, null, null, "more than one YAML document ('---'); eniagent.yaml holds exactly one");
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        stack.Pop();
                        break;
                    case NodeEvent node:
                        lastPath = Visit(node, stack) ?? lastPath;
                        break;
                    case AnchorAlias alias:
                        throw Error(alias.Start, NextPath(stack), "*" + alias.Value, "aliases are not supported in eniagent.yaml");
                }
            }
        }
        catch (YamlException ex)
        {
            // YamlDotNet places a tab-indentation error at the start of the enclosing mapping; point at the tab.
            if (ex.Message.Contains("tab", StringComparison.Ordinal) && FirstIndentTab(text) is { } tab)
            {
                throw new ConfigurationException(_fileName, tab.Line, tab.Column, null, null, "tab used for indentation; YAML indents with spaces", ex);
            }

            // Any other syntax error: name the last key read before it, which is where an operator looks first.
            throw Error(ex.Start, lastPath, null, "not valid YAML: " + ex.Message, ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException or NullReferenceException)
        {
            // YamlDotNet's scanner throws these on some malformed input (found by the property tests); the
            // position is where the last good event ended.
            throw Error(lastEnd, lastPath, null, "not valid YAML: " + ex.Message, ex);
        }
    }

    private static (int Line, int Column)? FirstIndentTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>The path the next node would get, without consuming anything.</summary>
    private static string? NextPath(Stack<Frame> stack)
    {
        if (stack.Count == 0)
        {
            return null;
        }

        var frame = stack.Peek();
        return frame.IsMapping
            ? (frame.PendingKey is null ? Parent(stack) : Join(frame.Path, frame.PendingKey))
            : $"{frame.Path}[{frame.NextIndex}]";
    }

    private static string? Parent(Stack<Frame> stack) => stack.Count > 0 && stack.Peek().Path.Length > 0 ? stack.Peek().Path : null;

    private string? Visit(NodeEvent node, Stack<Frame> stack)
    {
        var isContainer = node is MappingStart or SequenceStart;
        if (stack.Count == 0)
        {
            RefuseDecorations(node, null);
            if (node is Scalar rootScalar && rootScalar.Style == ScalarStyle.Plain && IsNullText(rootScalar.Value))
            {
                return null;
            }

            if (node is not MappingStart)
            {
                throw Error(node.Start, null, null, $"the top level must be a mapping of keys (like 'metadata:'), not {Describe(node)}");
            }

            IsEmpty = false;
            stack.Push(new Frame(string.Empty, IsMapping: true));
            return null;
        }

        var frame = stack.Peek();
        string path;
        var isKey = false;
        if (frame.IsMapping && frame.PendingKey is null)
        {
            if (node is not Scalar keyScalar)
            {
                throw Error(node.Start, Parent(stack), null, $"a key must be a plain name, not {Describe(node)}");
            }

            path = Join(frame.Path, keyScalar.Value);
            if (!frame.Keys.Add(keyScalar.Value))
            {
                throw Error(node.Start, path, null, "duplicate key; each key may appear once");
            }

            frame.PendingKey = keyScalar.Value;
            isKey = true;
        }
        else if (frame.IsMapping)
        {
            path = Join(frame.Path, frame.PendingKey!);
            frame.PendingKey = null;
        }
        else
        {
            path = $"{frame.Path}[{frame.NextIndex++}]";
        }

        RefuseDecorations(node, path);
        var info = new NodeInfo(path, isKey, Describe(node), node.Start);
        _nodes[node.Start.Index] = info;
        if (!isKey)
        {
            _valuesByPath[path] = info;
        }

        if (isContainer)
        {
            if (stack.Count >= MaxDepth)
            {
                throw Error(node.Start, path, null, $"nested more than {MaxDepth} levels deep");
            }

            stack.Push(new Frame(path, node is MappingStart));
        }

        return path;
    }

    private void RefuseDecorations(NodeEvent node, string? path)
    {
        if (!node.Anchor.IsEmpty)
        {
            throw Error(node.Start, path, "&" + node.Anchor.Value, "anchors are not supported in eniagent.yaml");
        }

        if (!node.Tag.IsEmpty)
        {
            throw Error(node.Start, path, node.Tag.Value, "tags are not supported in eniagent.yaml; write the value without one");
        }
    }

    private static string Join(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    internal sealed record NodeInfo(string Path, bool IsKey, string Description, Mark Start);

    private sealed record Frame(string Path, bool IsMapping)
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public string? PendingKey { get; set; }

        public int NextIndex { get; set; }
    }
}
