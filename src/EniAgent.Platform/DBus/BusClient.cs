using Tmds.DBus.Protocol;

namespace EniAgent.Platform.DBus;

/// <summary>
/// One connection to a message bus with the few call shapes the stack clients need. Every call carries
/// NO_AUTO_START (asking a service must never start it) and is bounded by <see cref="CallTimeout"/>.
/// Messages are built in synchronous helpers: a <see cref="MessageWriter"/> never lives across an await.
/// </summary>
internal sealed class BusClient : IDisposable
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(25);

    private const string BusName = "org.freedesktop.DBus";
    private const string PropertiesInterface = "org.freedesktop.DBus.Properties";

    private readonly DBusConnection _connection;
    private readonly TimeProvider _time;

    private BusClient(DBusConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    /// <summary>Writes a call's arguments; by reference because the writer is a mutable struct.</summary>
    public delegate void ArgumentWriter(ref MessageWriter writer);

    public static async Task<BusClient> ConnectAsync(string address, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = new DBusConnection(address);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(CallTimeout, time, cancellationToken).ConfigureAwait(false);
            return new BusClient(connection, time);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public Task<bool> NameHasOwnerAsync(string name, CancellationToken cancellationToken) =>
        CallAsync(BusName, "/org/freedesktop/DBus", BusName, "NameHasOwner", "s", (ref MessageWriter w) => w.WriteString(name), static (m, _) => m.GetBodyReader().ReadBool(), cancellationToken);

    public Task CallAsync(string destination, string path, string @interface, string member, string? signature, ArgumentWriter? arguments, CancellationToken cancellationToken) =>
        _connection.CallMethodAsync(Build(destination, path, @interface, member, signature, arguments))
            .WaitAsync(CallTimeout, _time, cancellationToken);

    public Task<T> CallAsync<T>(string destination, string path, string @interface, string member, string? signature, ArgumentWriter? arguments, MessageValueReader<T> reader, CancellationToken cancellationToken) =>
        _connection.CallMethodAsync(Build(destination, path, @interface, member, signature, arguments), reader)
            .WaitAsync(CallTimeout, _time, cancellationToken);

    /// <summary><c>org.freedesktop.DBus.Properties.Get</c>.</summary>
    public Task<VariantValue> GetPropertyAsync(string destination, string path, string @interface, string property, CancellationToken cancellationToken) =>
        CallAsync(
            destination,
            path,
            PropertiesInterface,
            "Get",
            "ss",
            (ref MessageWriter w) =>
            {
                w.WriteString(@interface);
                w.WriteString(property);
            },
            static (m, _) => m.GetBodyReader().ReadVariantValue(),
            cancellationToken);

    public void Dispose() => _connection.Dispose();

    private MessageBuffer Build(string destination, string path, string @interface, string member, string? signature, ArgumentWriter? arguments)
    {
        var writer = _connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(destination, path, @interface, member, signature, MessageFlags.NoAutoStart);
            arguments?.Invoke(ref writer);
            return writer.CreateMessage();
        }
        finally
        {
            writer.Dispose();
        }
    }
}
