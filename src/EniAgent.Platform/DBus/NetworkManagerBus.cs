using Tmds.DBus.Protocol;

namespace EniAgent.Platform.DBus;

/// <summary>The few NetworkManager D-Bus calls a per-interface pickup needs (org.freedesktop.NetworkManager, 1.x API).</summary>
internal sealed class NetworkManagerBus(BusClient bus)
{
    public const string Service = "org.freedesktop.NetworkManager";

    private const string ManagerPath = "/org/freedesktop/NetworkManager";
    private const string SettingsPath = "/org/freedesktop/NetworkManager/Settings";
    private const string SettingsInterface = "org.freedesktop.NetworkManager.Settings";
    private const string ConnectionInterface = "org.freedesktop.NetworkManager.Settings.Connection";
    private const string DeviceInterface = "org.freedesktop.NetworkManager.Device";
    private const string ActiveInterface = "org.freedesktop.NetworkManager.Connection.Active";
    private const string UnknownDevice = "org.freedesktop.NetworkManager.UnknownDevice";

    /// <summary>
    /// <c>Settings.LoadConnections</c>: (re)reads these profile files; a file that no longer exists drops its profile.
    /// Returns the files NetworkManager could not load.
    /// </summary>
    public Task<string[]> LoadConnectionsAsync(IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        bus.CallAsync(
            Service,
            SettingsPath,
            SettingsInterface,
            "LoadConnections",
            "as",
            (ref MessageWriter w) => w.WriteArray(files),
            static (m, _) =>
            {
                var reader = m.GetBodyReader();
                reader.ReadBool();
                return reader.ReadArrayOfString();
            },
            cancellationToken);

    public Task<ObjectPath[]> ListConnectionsAsync(CancellationToken cancellationToken) =>
        bus.CallAsync(Service, SettingsPath, SettingsInterface, "ListConnections", null, null, static (m, _) => m.GetBodyReader().ReadArrayOfObjectPath(), cancellationToken);

    /// <summary>The file a profile was loaded from ("" for in-memory profiles).</summary>
    public async Task<string> FilenameOfAsync(string connection, CancellationToken cancellationToken) =>
        (await bus.GetPropertyAsync(Service, connection, ConnectionInterface, "Filename", cancellationToken).ConfigureAwait(false)).GetString();

    /// <summary><c>GetDeviceByIpIface</c>; null when NetworkManager has no such device.</summary>
    public async Task<string?> DeviceOfAsync(string interfaceName, CancellationToken cancellationToken)
    {
        try
        {
            return await bus.CallAsync(Service, ManagerPath, Service, "GetDeviceByIpIface", "s", (ref MessageWriter w) => w.WriteString(interfaceName), static (m, _) => m.GetBodyReader().ReadObjectPathAsString(), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DBusErrorReplyException e) when (e.ErrorName == UnknownDevice)
        {
            return null;
        }
    }

    /// <summary>The profile the device is active with right now; null when it has no active connection (or it just ended).</summary>
    public async Task<string?> ActiveProfileOfAsync(string device, CancellationToken cancellationToken)
    {
        try
        {
            var active = (await bus.GetPropertyAsync(Service, device, DeviceInterface, "ActiveConnection", cancellationToken).ConfigureAwait(false)).GetObjectPathAsString();
            if (active == "/")
            {
                return null;
            }

            var profile = (await bus.GetPropertyAsync(Service, active, ActiveInterface, "Connection", cancellationToken).ConfigureAwait(false)).GetObjectPathAsString();
            return profile == "/" ? null : profile;
        }
        catch (DBusErrorReplyException e) when (IsGone(e))
        {
            return null; // Deactivated, or the device went away (the ENI detached), while being read.
        }
    }

    /// <summary><c>Device.Reapply</c> with the profile's current settings: changes apply without deactivating the device.</summary>
    public Task ReapplyAsync(string device, CancellationToken cancellationToken) =>
        bus.CallAsync(
            Service,
            device,
            DeviceInterface,
            "Reapply",
            "a{sa{sv}}tu",
            static (ref MessageWriter w) =>
            {
                var dict = w.WriteDictionaryStart();
                w.WriteDictionaryEnd(dict);
                w.WriteUInt64(0);
                w.WriteUInt32(0);
            },
            cancellationToken);

    /// <summary><c>ActivateConnection(profile, device, "/")</c>: this device only; returns the active connection.</summary>
    public Task<string> ActivateAsync(string connection, string device, CancellationToken cancellationToken) =>
        bus.CallAsync(
            Service,
            ManagerPath,
            Service,
            "ActivateConnection",
            "ooo",
            (ref MessageWriter w) =>
            {
                w.WriteObjectPath(connection);
                w.WriteObjectPath(device);
                w.WriteObjectPath("/");
            },
            static (m, _) => m.GetBodyReader().ReadObjectPathAsString(),
            cancellationToken);

    /// <summary>Settings.Connection <c>Flags</c> (NMSettingsConnectionFlags: 1 unsaved, 2 NM-generated, 4 volatile, 8 external).</summary>
    public async Task<uint> FlagsOfAsync(string connection, CancellationToken cancellationToken) =>
        (await bus.GetPropertyAsync(Service, connection, ConnectionInterface, "Flags", cancellationToken).ConfigureAwait(false)).GetUInt32();

    /// <summary>The profiles NetworkManager could activate on the device; none once the device is gone.</summary>
    public async Task<IReadOnlyList<string>> AvailableProfilesOfAsync(string device, CancellationToken cancellationToken)
    {
        try
        {
            return Paths(await bus.GetPropertyAsync(Service, device, DeviceInterface, "AvailableConnections", cancellationToken).ConfigureAwait(false));
        }
        catch (DBusErrorReplyException e) when (IsGone(e))
        {
            return []; // The device went away (the ENI detached) after it was looked up.
        }
    }

    /// <summary>Every active connection as (profile, devices it runs on); one that ends while being read is left out.</summary>
    public async Task<IReadOnlyList<(string Profile, IReadOnlyList<string> Devices)>> ActiveConnectionsAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var active in Paths(await bus.GetPropertyAsync(Service, ManagerPath, Service, "ActiveConnections", cancellationToken).ConfigureAwait(false)))
        {
            try
            {
                var profile = (await bus.GetPropertyAsync(Service, active, ActiveInterface, "Connection", cancellationToken).ConfigureAwait(false)).GetObjectPathAsString();
                var devices = Paths(await bus.GetPropertyAsync(Service, active, ActiveInterface, "Devices", cancellationToken).ConfigureAwait(false));
                result.Add((profile, devices));
            }
            catch (DBusErrorReplyException e) when (IsGone(e))
            {
                // A connection being deactivated right now (e.g. the one ours just replaced) runs nowhere.
            }
        }

        return result;
    }

    /// <summary>The object vanished between listing and asking (NetworkManager answers UnknownMethod "Object does not exist").</summary>
    public static bool IsGone(DBusErrorReplyException e) =>
        e?.ErrorName is "org.freedesktop.DBus.Error.UnknownMethod" or "org.freedesktop.DBus.Error.UnknownObject";

    /// <summary>Settings.Connection <c>Delete</c>: removes the profile (and its file, if any).</summary>
    public Task DeleteAsync(string connection, CancellationToken cancellationToken) =>
        bus.CallAsync(Service, connection, ConnectionInterface, "Delete", null, null, cancellationToken);

    private static List<string> Paths(VariantValue array) =>
        [.. Enumerable.Range(0, array.Count).Select(i => array.GetItem(i).GetObjectPathAsString())];
}
