using System.Runtime.InteropServices;

namespace EniAgent.Netlink;

/// <summary>
/// The kernel refused an operation, or a system call on the way failed (socket, setns...). The message names the operation and object,
/// the errno and, when the kernel sent an extended ACK, its explanation:
/// <c>add route 10.0.0.0/24 table 31000: EEXIST (File exists)</c>.
/// </summary>
public sealed class NetlinkException : Exception
{
    public NetlinkException(string operation, int errorNumber, string? kernelMessage = null, Exception? innerException = null)
        : base(Format(operation, errorNumber, kernelMessage), innerException)
    {
        Operation = operation;
        ErrorNumber = errorNumber;
        KernelMessage = kernelMessage;
    }

    /// <summary>What was attempted, with its object, e.g. <c>delete rule priority 100 from 10.0.0.5/32 lookup 31000</c>.</summary>
    public string Operation { get; }

    /// <summary>The positive errno.</summary>
    public int ErrorNumber { get; }

    public Errno Errno => (Errno)ErrorNumber;

    /// <summary>The errno's symbolic name (EEXIST), or <c>errno N</c> for one not in <see cref="Netlink.Errno"/>.</summary>
    public string ErrorName => NameOf(ErrorNumber);

    /// <summary>The kernel's extended ACK text (NLMSGERR_ATTR_MSG), when it sent one.</summary>
    public string? KernelMessage { get; }

    internal static string NameOf(int errorNumber) =>
        Enum.IsDefined((Errno)errorNumber) ? ((Errno)errorNumber).ToString() : $"errno {errorNumber}";

    private static string Format(string operation, int errorNumber, string? kernelMessage)
    {
        var text = $"{operation}: {NameOf(errorNumber)} ({Marshal.GetPInvokeErrorMessage(errorNumber)})";
        return kernelMessage is null ? text : $"{text}: {kernelMessage}";
    }
}
