namespace EniAgent.Platform.Locking;

/// <summary>Who holds the lock, as written into the lock file by the holder; the name is from /proc when available.</summary>
public sealed record LockHolder(int Pid, string? ProcessName)
{
    public override string ToString() => ProcessName is null ? $"PID {Pid}" : $"PID {Pid} ({ProcessName})";
}
