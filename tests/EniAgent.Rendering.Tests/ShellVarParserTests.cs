using CsCheck;
using EniAgent.Rendering.ShellVars;

namespace EniAgent.Rendering.Tests;

public sealed class ShellVarParserTests
{
    private const string SafeChars = "abcxyzABCXYZ0189 ._:/-,+=@";

    /// <summary>Characters that mean something to a shell, mixed with ordinary ones, so generated text hits every branch.</summary>
    private const string ShellishChars = "AB_z09=' \"$`\\;|&()<>*?[]{}~#!\n\r\t\0.:/-,+@é";

    private static readonly Gen<string> SafeValue = Gen.Char[SafeChars].Array[0, 40].Select(a => new string(a));

    private static readonly Gen<string> ShellishText = Gen.Char[ShellishChars].Array[0, 80].Select(a => new string(a));

    [Fact]
    public void Reads_quoted_bare_and_empty_values_and_skips_comments()
    {
        var file = ShellVarParser.Parse("# c\n\n  DEVICE='eth1'\nONBOOT=yes\nNAME=\"eni agent\"\nEMPTY=\nTRAIL='x'  \n");
        Assert.Equal(["DEVICE", "ONBOOT", "NAME", "EMPTY", "TRAIL"], file.Entries.Select(e => e.Key));
        Assert.Equal("eth1", file["DEVICE"]);
        Assert.Equal("yes", file["ONBOOT"]);
        Assert.Equal("eni agent", file["NAME"]);
        Assert.Equal(string.Empty, file["EMPTY"]);
        Assert.Equal("x", file["TRAIL"]);
        Assert.Null(file["MISSING"]);
        Assert.Equal(3, file.Entries[0].Line);
    }

    [Theory]
    [InlineData("ONBOOT=$(reboot)", ShellVarError.UnsafeCharacter)]
    [InlineData("ONBOOT='$(reboot)'", ShellVarError.UnsafeCharacter)]
    [InlineData("ONBOOT=`reboot`", ShellVarError.UnsafeCharacter)]
    [InlineData("ONBOOT=\"${IFS}\"", ShellVarError.UnsafeCharacter)]
    [InlineData("ONBOOT=yes;reboot", ShellVarError.UnsafeCharacter)]
    [InlineData("ONBOOT=yes|reboot", ShellVarError.UnsafeCharacter)]
    [InlineData("ONBOOT=yes&&reboot", ShellVarError.UnsafeCharacter)]
    [InlineData("ONBOOT=a\\nb", ShellVarError.UnsafeCharacter)]
    [InlineData("ONBOOT=a'b'", ShellVarError.UnsafeCharacter)]
    [InlineData("ONBOOT='yes' ; reboot", ShellVarError.TrailingText)]
    [InlineData("ONBOOT='a'b", ShellVarError.TrailingText)]
    [InlineData("ONBOOT=yes reboot", ShellVarError.TrailingText)]
    [InlineData("ONBOOT='yes", ShellVarError.UnbalancedQuote)]
    [InlineData("ONBOOT=\"yes", ShellVarError.UnbalancedQuote)]
    [InlineData("reboot", ShellVarError.NotAnAssignment)]
    [InlineData("export ONBOOT=yes", ShellVarError.InvalidKey)]
    [InlineData("ONBOOT =yes", ShellVarError.InvalidKey)]
    [InlineData("1A=yes", ShellVarError.InvalidKey)]
    [InlineData("A=1\nA=2", ShellVarError.DuplicateKey)]
    [InlineData("A=1\r\n", ShellVarError.InvalidControlCharacter)]
    [InlineData("A='x\ny'", ShellVarError.UnbalancedQuote)]
    public void Refuses_what_a_shell_would_expand_or_run(string text, ShellVarError error)
    {
        var ex = Assert.Throws<ShellVarException>(() => ShellVarParser.Parse(text));
        Assert.Equal(error, ex.Error);
    }

    [Fact]
    public void Arbitrary_text_never_crashes_only_documented_errors() =>
        Gen.OneOf(Gen.String, ShellishText).Sample(text =>
        {
            try
            {
                var file = ShellVarParser.Parse(text);

                // Whatever is accepted is inert: keys are names, values are in the safe set.
                Assert.All(file.Entries, e => Assert.True(ShellValue.IsValidKey(e.Key) && ShellValue.IsSafe(e.Value)));
            }
            catch (ShellVarException ex)
            {
                Assert.True(Enum.IsDefined(ex.Error));
            }
        });

    [Fact]
    public void Quote_then_parse_gives_back_every_safe_value() =>
        SafeValue.Sample(value =>
        {
            var file = ShellVarParser.Parse($"KEY={ShellValue.Quote(value)}\n");
            Assert.Equal(value, file["KEY"]);
        });

    [Fact]
    public void Hostile_values_are_refused_and_never_round_trip_into_executable_text() =>
        Gen.OneOf(Gen.String, ShellishText).Sample(value =>
        {
            string quoted;
            try
            {
                quoted = ShellValue.Quote(value);
            }
            catch (ShellVarException ex)
            {
                Assert.Equal(ShellVarError.UnsafeCharacter, ex.Error);
                Assert.False(ShellValue.IsSafe(value));
                return;
            }

            Assert.True(ShellValue.IsSafe(value));
            Assert.Equal('\'', quoted[0]);
            Assert.Equal('\'', quoted[^1]);
            Assert.DoesNotContain(quoted[1..^1], c => "$`\\\"';|&()<>*?[]{}~#!\n\r\t\0".Contains(c, StringComparison.Ordinal));
            Assert.Equal(value, ShellVarParser.Parse($"K={quoted}")["K"]);
        });
}
