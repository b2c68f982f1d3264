namespace Ooda.Response.Tests;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void Signs_with_hmac_sha256_as_lower_case_hex()
    {
        // RFC 4231 test case 2.
        var signature = WebhookSignature.Sign("Jefe"u8, "what do ya want for nothing?"u8);
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("sha256=5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843")]
    [InlineData("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3844")]
    public void Rejects_anything_but_the_exact_signature(string? header) =>
        Assert.False(WebhookSignature.Verify("Jefe"u8, "what do ya want for nothing?"u8, header));
}
