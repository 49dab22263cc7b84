namespace EniAgent.Netlink.Tests;

public sealed class NetlinkExceptionTests
{
    [Theory]
    [InlineData(17, "EEXIST")]
    [InlineData(2, "ENOENT")]
    [InlineData(19, "ENODEV")]
    [InlineData(1, "EPERM")]
    [InlineData(3, "ESRCH")]
    [InlineData(4242, "errno 4242")]
    public void Names_the_errno(int errorNumber, string name)
    {
        var error = new NetlinkException("delete rule priority 100", errorNumber);
        Assert.Equal(name, error.ErrorName);
        Assert.StartsWith($"delete rule priority 100: {name} (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appends_the_kernel_explanation()
    {
        var error = new NetlinkException("add route 10.0.0.0/24 table 31000", 19, "Nexthop device is not up");
        Assert.Equal("add route 10.0.0.0/24 table 31000: ENODEV (No such device): Nexthop device is not up", error.Message);
        Assert.Equal(Errno.ENODEV, error.Errno);
    }
}
