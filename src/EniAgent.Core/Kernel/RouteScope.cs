namespace EniAgent.Core.Kernel;

/// <summary>rtm_scope values.</summary>
public enum RouteScope : byte
{
    Universe = 0,
    Site = 200,
    Link = 253,
    Host = 254,
    Nowhere = 255,
}
