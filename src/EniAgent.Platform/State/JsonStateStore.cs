using System.Globalization;
using EniAgent.Core.Host;
using EniAgent.Core.State;
using EniAgent.Platform.Files;

namespace EniAgent.Platform.State;

/// <summary>
/// state.json in the state folder, saved atomically. A file that cannot be used is reported (path and error) and
/// replaced by a fresh state in memory: a fresh state only makes the agent forget what it owned, which errs on the
/// side of deleting nothing. Only a caller about to apply has it renamed to <c>state.json.corrupt-&lt;UTC time&gt;</c>
/// for later inspection; read-only commands leave it exactly as it is. The caller reports
/// <see cref="StateLoadResult.Warning"/>.
/// </summary>
public sealed class JsonStateStore(HostPaths paths, AtomicFileWriter writer, TimeProvider time) : IStateStore
{
    /// <summary>The state lists addresses and paths; nothing secret, but no reason for others to read it.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const int MaxFileBytes = 16 * 1024 * 1024;

    public string FilePath => paths.StateFile;

    public StateLoadResult Load(StateAccess access)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(FilePath);
            if (!info.Exists)
            {
                return new StateLoadResult(AgentState.Empty, StateLoadStatus.Absent);
            }

            bytes = info.Length <= MaxFileBytes
                ? File.ReadAllBytes(FilePath)
                : throw new StateFormatException($"{info.Length} bytes is larger than any real state");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StateFormatException)
        {
            return Unusable(ex.Message, access);
        }

        try
        {
            return new StateLoadResult(StateCodec.Decode(bytes), StateLoadStatus.Loaded);
        }
        catch (StateFormatException ex)
        {
            return Unusable(ex.Message, access);
        }
    }

    public void Save(AgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        writer.Write(FilePath, StateCodec.Encode(state), FileMode);
    }

    private StateLoadResult Unusable(string problem, StateAccess access)
    {
        problem = $"{FilePath} cannot be used ({problem})";
        if (access == StateAccess.ReadOnly)
        {
            return new StateLoadResult(AgentState.Empty, StateLoadStatus.Unusable, problem);
        }

        string? aside = null;
        try
        {
            var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            aside = FilePath + ".corrupt-" + stamp;
            for (var n = 2; File.Exists(aside); n++)
            {
                aside = FilePath + ".corrupt-" + stamp + "-" + n;
            }

            File.Move(FilePath, aside);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem += $"; could not move it aside ({ex.Message})";
            aside = null;
        }

        return new StateLoadResult(AgentState.Empty, StateLoadStatus.Reset, problem, aside);
    }
}
