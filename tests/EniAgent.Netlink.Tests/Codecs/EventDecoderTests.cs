using EniAgent.Netlink.Codecs;

namespace EniAgent.Netlink.Tests.Codecs;

public sealed class EventDecoderTests
{
    [Fact]
    public void Decodes_new_and_delete_notifications_of_each_object()
    {
        var events = new List<NetlinkEvent>();
        EventDecoder.DecodeAll(
            Fixtures.Concat(Fixtures.NewLink, Fixtures.NewAddressV4, Fixtures.DelAddressV6, Fixtures.NewRoute, Fixtures.NewRule, Fixtures.Done(1)),
            events);

        Assert.Collection(
            events,
            e => Assert.Equal((NetlinkEventKind.New, "eth1"), (e.Kind, ((NetlinkLinkEvent)e).Link.Name)),
            e => Assert.Equal((NetlinkEventKind.New, 24), (e.Kind, ((NetlinkAddressEvent)e).Address.PrefixLength)),
            e => Assert.Equal((NetlinkEventKind.Delete, 64), (e.Kind, ((NetlinkAddressEvent)e).Address.PrefixLength)),
            e => Assert.Equal((NetlinkEventKind.New, 31000u), (e.Kind, ((NetlinkRouteEvent)e).Route.Table)),
            e => Assert.Equal((NetlinkEventKind.New, 1000u), (e.Kind, ((NetlinkRuleEvent)e).Rule.Priority)));
    }
}
