using Ooda.Reports.Internal;

namespace Ooda.Reports.Tests.Internal;

public sealed class SvgGuardTests
{
    [Fact]
    public void A_drawing_with_escaped_evidence_may_be_embedded()
    {
        Assert.Null(SvgGuard.Refuse("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>text{fill:#000}</style><g><rect x=\"1\" y=\"1\" width=\"2\" height=\"2\"/>"
            + "<defs><marker id=\"arrow\"><path d=\"M0,0 L6,3 z\"/></marker></defs><line x1=\"0\" y1=\"0\" x2=\"5\" y2=\"5\" marker-end=\"url(#arrow)\"/>"
            + "<text>cmd.exe /c &lt;script&gt; onerror=x href=y</text><title>t</title></g></svg>"));
    }

    [Theory]
    [InlineData("<svg><script>alert(1)</script></svg>", "element <script> is not allowed")]
    [InlineData("<svg><foreignObject><div/></foreignObject></svg>", "element <foreignObject> is not allowed")]
    [InlineData("<svg onload=\"alert(1)\"/>", "attribute onload is not allowed")]
    [InlineData("<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image xlink:href=\"http://x/\"/></svg>", "element <image> is not allowed")]
    [InlineData("<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>", "element <a> is not allowed")]
    [InlineData("<svg><rect style=\"fill:url(http://x/)\"/></svg>", "attribute style is not allowed")]
    [InlineData("<svg><style>@import url(http://x/a.css);</style></svg>", "its style refers to something outside it")]
    [InlineData("<svg><style>rect{fill:url( 'http://x/p.svg#g')}</style></svg>", "its style refers to something outside it")]
    [InlineData("<svg><line marker-end=\"url(http://x/m.svg#a)\"/></svg>", "attribute marker-end is not allowed")]
    [InlineData("<svg><text>unclosed</svg>", "it is not well-formed XML")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg>&x;</svg>", "it is not well-formed XML")]
    [InlineData("<svg><style/><a href=\"https://x/\"><text>x</text></a></svg>", "element <a> is not allowed")]
    [InlineData("<svg><style>text{fill:#000}</style><image href=\"https://x/p.png\"/></svg>", "element <image> is not allowed")]
    [InlineData("<svg><style></style><rect onclick=\"alert(1)\"/></svg>", "attribute onclick is not allowed")]
    [InlineData("<svg><style>a{}</style><style>b{}</style><script>alert(1)</script></svg>", "element <script> is not allowed")]
    [InlineData("<svg><style>rect{fill:\\75 rl(http://x/p.svg#g)}</style></svg>", "its style has a backslash")]
    [InlineData("<svg><style>rect{fill:&#117;rl(http://x/p.svg#g)}</style></svg>", "its style refers to something outside it")]
    [InlineData("<svg><style><a href=\"https://x/\"/></style></svg>", "its style holds Element content")]
    [InlineData("<svg><style>a{}<!-- </style> --></style></svg>", "its style holds Comment content")]
    [InlineData("<svg><style onload=\"alert(1)\">a{}</style></svg>", "attribute onload is not allowed")]
    [InlineData("<svg><style>@\\69mport 'http://x/a.css';</style></svg>", "its style has a backslash")]
    public void Anything_that_could_run_or_fetch_is_refused(string svg, string reason)
    {
        Assert.StartsWith(reason, SvgGuard.Refuse(svg), StringComparison.Ordinal);
    }
}
