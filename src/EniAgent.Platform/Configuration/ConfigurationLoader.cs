using System.Text;
using EniAgent.Core.Configuration;
using EniAgent.Core.Host;

namespace EniAgent.Platform.Configuration;

/// <summary>Reads eniagent.yaml from disk and hands the text to the pure <see cref="AgentOptionsParser"/>.</summary>
public static class ConfigurationLoader
{
    /// <summary>A configuration file is a few KiB; refusing huge files keeps a mistaken path from eating memory.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Loads the configuration. With <paramref name="path"/> null the default file
    /// (<c>/etc/eniagent/eniagent.yaml</c> under <paramref name="root"/>) is read and its absence means defaults;
    /// an explicit path is used as given and must exist, since the operator asked for that file.
    /// </summary>
    /// <exception cref="ConfigurationException">The file cannot be read or is not valid.</exception>
    public static AgentOptions Load(string? path, string root)
    {
        var explicitPath = path is not null;
        var file = path ?? new HostPaths(root).ConfigFile;
        string text;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length > MaxFileBytes)
            {
                throw new ConfigurationException(file, null, null, null, null, $"is {stream.Length} bytes; a configuration file is at most {MaxFileBytes}");
            }

            using var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (FileNotFoundException) when (!explicitPath)
        {
            return new AgentOptions();
        }
        catch (DirectoryNotFoundException) when (!explicitPath)
        {
            return new AgentOptions();
        }
        catch (DecoderFallbackException ex)
        {
            throw new ConfigurationException(file, null, null, null, null, "is not UTF-8 text", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(file, null, null, null, null, "cannot be read: " + ex.Message, ex);
        }

        return AgentOptionsParser.Parse(text, file);
    }
}
