namespace EniAgent.Netlink.Protocol;

/// <summary>Decodes a message payload into an object, or null when the message is not one the caller wants.</summary>
internal delegate T? PayloadDecoder<T>(ReadOnlySpan<byte> payload)
    where T : class;
