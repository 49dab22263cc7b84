using System.Text.Json;

namespace EniAgent.MetadataEmulator.Runtime;

/// <summary>Counts metadata requests (never control ones) so tests can assert how a client behaved.</summary>
internal sealed class RequestStats
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, long> _byPath = new(StringComparer.Ordinal);
    private long _requests;
    private long _tokensIssued;

    public void RecordRequest(string method, string path)
    {
        lock (_gate)
        {
            _requests++;
            var key = $"{method} {path}";
            _byPath[key] = _byPath.GetValueOrDefault(key) + 1;
        }
    }

    public void RecordTokenIssued()
    {
        lock (_gate)
        {
            _tokensIssued++;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _requests = 0;
            _tokensIssued = 0;
            _byPath.Clear();
        }
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        lock (_gate)
        {
            writer.WriteStartObject();
            writer.WriteNumber("requests", _requests);
            writer.WriteStartObject("by-path");
            foreach (var (key, count) in _byPath)
            {
                writer.WriteNumber(key, count);
            }

            writer.WriteEndObject();
            writer.WriteNumber("tokens-issued", _tokensIssued);
            writer.WriteEndObject();
        }
    }
}
