namespace EniAgent.Platform.Locking;

/// <summary>Another eniagent holds the lock for longer than we were willing to wait.</summary>
public sealed class LockTimeoutException : Exception
{
    public LockTimeoutException(string path, TimeSpan waited, LockHolder? holder)
        : base($"{path} is held by {holder?.ToString() ?? "another process"}; gave up after {waited.TotalSeconds:0.#} s")
    {
        LockPath = path;
        Waited = waited;
        Holder = holder;
    }

    public LockTimeoutException()
        : this("(unknown)", TimeSpan.Zero, null)
    {
    }

    public LockTimeoutException(string message)
        : base(message)
    {
        LockPath = "(unknown)";
    }

    public LockTimeoutException(string message, Exception inner)
        : base(message, inner)
    {
        LockPath = "(unknown)";
    }

    public string LockPath { get; }

    public TimeSpan Waited { get; }

    public LockHolder? Holder { get; }
}
