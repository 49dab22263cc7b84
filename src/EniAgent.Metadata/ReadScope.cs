namespace EniAgent.Metadata;

/// <summary>One metadata read: the caller's token combined with the total deadline, and which of the two fired.</summary>
internal sealed class ReadScope : IDisposable
{
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _linked;

    public ReadScope(TimeSpan totalTimeout, TimeProvider time, CancellationToken caller)
    {
        _caller = caller;
        TotalTimeout = totalTimeout;
        _deadline = new CancellationTokenSource(totalTimeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _deadline.Token);
    }

    public TimeSpan TotalTimeout { get; }

    public CancellationToken Token => _linked.Token;

    /// <summary>The deadline ended the read, not the caller.</summary>
    public bool DeadlineExpired => _deadline.IsCancellationRequested && !_caller.IsCancellationRequested;

    public MetadataUnavailableException DeadlineExceeded(string path, Exception cause) =>
        new(path, $"total deadline of {TotalTimeout.TotalMilliseconds:0} ms exceeded", cause);

    public void Dispose()
    {
        _linked.Dispose();
        _deadline.Dispose();
    }
}
