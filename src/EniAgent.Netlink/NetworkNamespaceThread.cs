using System.Runtime.ExceptionServices;
using EniAgent.Netlink.Interop;

namespace EniAgent.Netlink;

/// <summary>
/// Runs code inside another network namespace without a child process: a dedicated thread
/// <c>setns()</c>s into the namespace (only that thread switches), runs the code, and switches back.
/// Sockets created there stay bound to that namespace for their whole life.
/// </summary>
public static class NetworkNamespaceThread
{
    private const string OwnNamespace = "/proc/thread-self/ns/net";

    /// <summary>Runs <paramref name="action"/> inside the namespace at <paramref name="netnsPath"/> (e.g. /run/netns/NAME) and returns its result.</summary>
    public static T Invoke<T>(string netnsPath, Func<T> action)
    {
        ArgumentException.ThrowIfNullOrEmpty(netnsPath);
        ArgumentNullException.ThrowIfNull(action);
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = RunInside(netnsPath, action);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = "netns",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    private static T RunInside<T>(string netnsPath, Func<T> action)
    {
        var original = OpenNamespace(OwnNamespace);
        try
        {
            var target = OpenNamespace(netnsPath);
            try
            {
                if (LibC.SetNs(target, LibC.CloneNewNet) != 0)
                {
                    throw LibC.LastError($"enter network namespace {netnsPath}");
                }
            }
            finally
            {
                _ = LibC.Close(target);
            }

            try
            {
                return action();
            }
            finally
            {
                // Best effort: the thread ends right after, so a failed switch back leaks nothing.
                _ = LibC.SetNs(original, LibC.CloneNewNet);
            }
        }
        finally
        {
            _ = LibC.Close(original);
        }
    }

    private static int OpenNamespace(string path)
    {
        var fd = LibC.Open(path, LibC.ORdOnly | LibC.OCloexec);
        return fd >= 0 ? fd : throw LibC.LastError($"open network namespace {path}");
    }
}
