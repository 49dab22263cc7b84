using System.Diagnostics;

namespace EniAgent.Bench;

/// <summary>
/// Moves links from one namespace into another through one long-running <c>ip -batch -</c>, so a move costs a line
/// on a pipe instead of a process start: the timestamp taken just before writing the line is at most a fraction of
/// a millisecond before the kernel moves the link (and never after it, so latencies measured from it are upper bounds).
/// </summary>
internal sealed class LinkMover : IDisposable
{
    private readonly Process _ip;

    public LinkMover(string fromNetns)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-n", fromNetns, "-force", "-batch", "-"])
        {
            info.ArgumentList.Add(argument);
        }

        _ip = Process.Start(info) ?? throw new InvalidOperationException("cannot start ip -batch");
        _ip.StandardInput.AutoFlush = true;
    }

    /// <summary>Moves <paramref name="link"/> into <paramref name="toNetns"/>; returns the <see cref="Stopwatch"/> timestamp taken just before.</summary>
    public long Move(string link, string toNetns)
    {
        var before = Stopwatch.GetTimestamp();
        _ip.StandardInput.WriteLine($"link set {link} netns {toNetns}");
        return before;
    }

    public void Dispose()
    {
        _ip.StandardInput.Close();
        if (!_ip.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _ip.Kill();
        }

        _ip.Dispose();
    }
}
