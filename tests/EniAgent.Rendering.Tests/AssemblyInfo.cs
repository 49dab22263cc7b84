// The tests run real Linux consumers (netplan, ifupdown) and set Unix file modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
