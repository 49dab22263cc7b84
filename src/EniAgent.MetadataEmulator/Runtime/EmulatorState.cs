using System.Net;
using EniAgent.MetadataEmulator.Scenarios;

namespace EniAgent.MetadataEmulator.Runtime;

/// <summary>
/// The mutable heart of the emulator: the current scenario, attached ENIs, fault counters, tokens and stats.
/// Every change goes through one lock so a request always sees a consistent view.
/// </summary>
internal sealed class EmulatorState
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly List<AttachedEni> _enis = [];
    private IReadOnlyList<KeyValuePair<string, string>> _instance = [];
    private TokenMode _tokenMode;
    private bool _serveAll;
    private FaultSettings _faults = FaultSettings.None;
    private int _burstLeft;
    private int _dropsLeft;

    public EmulatorState(Scenario scenario, TimeProvider time)
    {
        _time = time;
        Tokens = new TokenStore(time);
        ReplaceScenario(scenario);
    }

    public TokenStore Tokens { get; }

    public RequestStats Stats { get; } = new();

    /// <summary>Replaces everything but tokens and stats; visible-after timers restart now.</summary>
    public void ReplaceScenario(Scenario scenario)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _instance = scenario.Instance;
            _tokenMode = scenario.TokenMode;
            _serveAll = scenario.ServeAll;
            _enis.Clear();
            _enis.AddRange(scenario.Enis.Select(e => new AttachedEni(e, now)));
            SetFaultsLocked(scenario.Faults);
        }
    }

    public void ReplaceFaults(FaultSettings faults)
    {
        lock (_gate)
        {
            SetFaultsLocked(faults);
        }
    }

    /// <summary>Attaches an ENI; false when its MAC is already attached.</summary>
    public bool Attach(EniDefinition eni)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (FindLocked(eni.Mac) >= 0)
            {
                return false;
            }

            _enis.Add(new AttachedEni(eni, now));
            return true;
        }
    }

    public bool Detach(string mac)
    {
        lock (_gate)
        {
            var index = FindLocked(mac);
            if (index < 0)
            {
                return false;
            }

            _enis.RemoveAt(index);
            return true;
        }
    }

    public IpChangeResult AssignIp(string mac, IPAddress ip) => ChangeIps(mac, ip, assign: true);

    public IpChangeResult UnassignIp(string mac, IPAddress ip) => ChangeIps(mac, ip, assign: false);

    public ServingView Snapshot()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var visible = _enis
                .Where(e => e.VisibleAt <= now)
                .Select(e => new VisibleEni(e.Definition, e.ItemsReadyAt <= now))
                .ToList();
            return new ServingView(_instance, _tokenMode, _serveAll, visible, _faults);
        }
    }

    /// <summary>Decides (and consumes) the fault for the next metadata request: drops first, then the status burst.</summary>
    public FaultDecision TakeFault()
    {
        lock (_gate)
        {
            if (_dropsLeft > 0)
            {
                _dropsLeft--;
                return new FaultDecision(FaultKind.DropConnection);
            }

            if (_burstLeft > 0)
            {
                _burstLeft--;
                return new FaultDecision(FaultKind.Status, _faults.StatusBurst.Status);
            }

            return FaultDecision.None;
        }
    }

    private IpChangeResult ChangeIps(string mac, IPAddress ip, bool assign)
    {
        lock (_gate)
        {
            var index = FindLocked(mac);
            if (index < 0)
            {
                return IpChangeResult.UnknownMac;
            }

            var eni = _enis[index];
            var current = eni.Definition.GetItem("private-ipv4s");
            List<string> entries;
            if (current is null)
            {
                // Real ENIs always list their primary IP; seed the list with it when the scenario left the item out.
                entries = eni.Definition.GetItem("primary-ip-address") is { } primary ? [primary] : [];
            }
            else if (!PrivateIpv4List.TryParse(current, out entries))
            {
                return IpChangeResult.Unparsable;
            }

            var position = PrivateIpv4List.IndexOf(entries, ip);
            if (assign)
            {
                if (position >= 0 && current is not null)
                {
                    return IpChangeResult.Unchanged;
                }

                if (position < 0)
                {
                    entries.Add(ip.ToString());
                }
            }
            else
            {
                if (position < 0)
                {
                    return IpChangeResult.NotAssigned;
                }

                entries.RemoveAt(position);
            }

            var value = PrivateIpv4List.Format(entries, _faults.JsonArraySpaces);
            _enis[index] = eni with { Definition = eni.Definition.WithItem("private-ipv4s", value) };
            return IpChangeResult.Changed;
        }
    }

    private int FindLocked(string mac) =>
        _enis.FindIndex(e => string.Equals(e.Definition.Mac, mac, StringComparison.OrdinalIgnoreCase));

    private void SetFaultsLocked(FaultSettings faults)
    {
        _faults = faults;
        _burstLeft = faults.StatusBurst.Count;
        _dropsLeft = faults.DropConnections;
    }
}
