using EniAgent.Cli.Status;
using static EniAgent.Cli.Tests.Status.StatusFixture;

namespace EniAgent.Cli.Tests.Status;

public sealed class StatusTextTests
{
    [Fact]
    public async Task One_block_per_eni_with_only_the_lines_that_apply()
    {
        var outcome = Converged(await DryRunAsync());
        var rows = StatusReport.Build(outcome);

        var text = StatusText.Render(outcome.Metadata, rows, ["state: not valid JSON"]);
        var blocks = text.Split("\n\n");

        Assert.Equal("instance i-cli000000000000000001, 6 ENI(s)", blocks[0]);
        Assert.Equal(7, blocks.Length);
        Assert.Equal(
            $"{Primary}  00:16:3e:00:00:01  eth0  primary  EXCLUDED\n" +
            "  reason:    primary ENI is left alone (opt in with primary.manage-secondary-ips)",
            blocks[2]);
        Assert.Equal(
            $"{Drifted}  00:16:3e:00:00:02  eth1  secondary  CONFIGURED\n" +
            "  reason:    kernel matches the desired state\n" +
            "  table:     31000 (slot 0)\n" +
            "  desired:   192.168.2.10/24 192.168.2.11/24\n" +
            "  actual:    192.168.2.10/24 192.168.2.11/24\n" +
            "  rule:      31000: from 192.168.2.10/32 lookup 31000 suppress_prefixlength 0\n" +
            "  rule:      31251: from 192.168.2.10/32 lookup 31000\n" +
            "  rule:      31000: from 192.168.2.11/32 lookup 31000 suppress_prefixlength 0\n" +
            "  rule:      31251: from 192.168.2.11/32 lookup 31000",
            blocks[3]);
        Assert.StartsWith($"{Pending}  00:16:3e:00:00:04  -  secondary  PENDING\n  reason:    listed in metadata, link not present yet\n  table:     ", blocks[4], StringComparison.Ordinal);
        Assert.Contains("\n  desired:   192.168.4.10/24\n  actual:    -\n", blocks[4], StringComparison.Ordinal);
        Assert.Equal(
            $"{Gone}  -  -  secondary  ABSENT\n" +
            "  reason:    not in metadata since 2026-01-02 03:04:05Z; slot 9 kept for re-attach; 1 leftover object(s) to remove\n" +
            "  pending:   - rule 31260: from 192.168.9.10/32 lookup 31009\n" +
            "warning: state: not valid JSON\n",
            blocks[6]);
    }

    [Fact]
    public async Task A_drifted_eni_lists_each_pending_change()
    {
        var outcome = await DryRunAsync();

        var text = StatusText.Render(outcome.Metadata, StatusReport.Build(outcome), []);

        var block = text.Split("\n\n").Single(b => b.StartsWith(Drifted, StringComparison.Ordinal));
        Assert.Contains("  DRIFTED\n", block, StringComparison.Ordinal);
        Assert.Contains("  actual:    -\n", block, StringComparison.Ordinal);
        Assert.Contains("  pending:   ~ link eth1 up\n  pending:   + address 192.168.2.10/24 dev eth1 noprefixroute\n", block, StringComparison.Ordinal);
        Assert.DoesNotContain("warning:", text, StringComparison.Ordinal);
    }
}
