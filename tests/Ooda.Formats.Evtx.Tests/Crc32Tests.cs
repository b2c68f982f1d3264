using Ooda.Formats.Evtx.Internal;

namespace Ooda.Formats.Evtx.Tests;

/// <summary>The CRC-32 EVTX uses, on its vector (carry-less folding) and table paths, against a bit-at-a-time reference.</summary>
public sealed class Crc32Tests
{
    [Fact]
    public void Check_value_of_the_standard_test_string_is_CBF43926() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(80)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(200)]
    [InlineData(4096)]
    [InlineData(65024)]
    [InlineData(65536)]
    public void Every_length_matches_the_bitwise_reference(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        Assert.Equal(Reference(data), Crc32.Compute(data));
    }

    [Fact]
    public void Appending_in_pieces_equals_computing_at_once()
    {
        var data = new byte[1000];
        new Random(7).NextBytes(data);
        var pieces = Crc32.Append(Crc32.Append(Crc32.Compute(data.AsSpan(0, 100)), data.AsSpan(100, 333)), data.AsSpan(433));
        Assert.Equal(Reference(data), pieces);
    }

    private static uint Reference(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }

        return ~crc;
    }
}
