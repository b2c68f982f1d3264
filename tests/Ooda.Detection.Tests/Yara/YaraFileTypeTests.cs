using Ooda.Detection.Yara;

namespace Ooda.Detection.Tests.Yara;

public sealed class YaraFileTypeTests
{
    [Theory]
    [InlineData("4D5A9000", "EXE")]
    [InlineData("7F454C46", "ELF")]
    [InlineData("CFFAEDFE", "MACH-O")]
    [InlineData("4D444D5093A7", "MDMP")]
    [InlineData("2142444E11223344534D", "PST")]
    [InlineData("504B0304", "ZIP")]
    [InlineData("504B0506", "ZIP")]
    [InlineData("D0CF11E0A1B11AE1", "OLE")]
    [InlineData("7B5C72746631", "RTF")]
    [InlineData("255044462D", "PDF")]
    [InlineData("1F8B08", "GZIP")]
    [InlineData("377ABCAF271C", "7ZIP")]
    [InlineData("526172211A0700", "RAR")]
    [InlineData("4D534346", "CAB")]
    [InlineData("456C6646696C6500", "EVTX")]
    [InlineData("72656766", "REGISTRY")]
    [InlineData("3C3F706870", "PHP")]
    [InlineData("4C0000000114020000000000", "LNK")]
    [InlineData("89504E47", "PNG")]
    [InlineData("47494638", "GIF")]
    [InlineData("FFD8FFE0", "JPEG")]
    public void Names_the_type_from_the_magic_bytes(string hex, string type) =>
        Assert.Equal(type, YaraFileType.FromMagic(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("")]
    [InlineData("4D")]
    [InlineData("3C25402050616765")]
    [InlineData("00000000")]
    public void Is_empty_for_unknown_or_too_short_data(string hex) =>
        Assert.Equal("", YaraFileType.FromMagic(Convert.FromHexString(hex)));
}
