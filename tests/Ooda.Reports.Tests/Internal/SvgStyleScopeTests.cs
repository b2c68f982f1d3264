using Ooda.Reports.Internal;

namespace Ooda.Reports.Tests.Internal;

public sealed class SvgStyleScopeTests
{
    [Fact]
    public void Every_selector_of_an_embedded_drawing_is_kept_to_its_figure()
    {
        var svg = "<svg><style>text{fill:#000}.h,.g{font-weight:bold}</style><text class=\"h\">x</text></svg>";

        Assert.Equal("<svg><style>#tree text{fill:#000}#tree .h,#tree .g{font-weight:bold}</style><text class=\"h\">x</text></svg>", SvgStyleScope.Apply(svg, "tree"));
    }

    [Fact]
    public void A_drawing_without_a_style_is_left_as_it_is()
    {
        Assert.Equal("<svg><text>x</text></svg>", SvgStyleScope.Apply("<svg><text>x</text></svg>", "graph"));
    }
}
