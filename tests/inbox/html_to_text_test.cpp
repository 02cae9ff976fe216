// HTML mail bodies rendered as the text a person would read.
#include "inbox/mime/html_to_text.h"

#include <gtest/gtest.h>

#include <string>

using namespace relais::detail;

TEST(HtmlToText, BlockElementsAndBreaksEndLines) {
  EXPECT_EQ(html_to_text("<div>Bonjour,</div><div><br></div><p>Le tableau</p><p>saute.</p>Fin<br>").text,
            "Bonjour,\n\nLe tableau\nsaute.\nFin");
}

TEST(HtmlToText, WhiteSpaceCollapsesAndNoBreakSpacesAreSpaces) {
  EXPECT_EQ(html_to_text("<p>  Deux\n   mots&nbsp;&nbsp;ici :\t fin </p>").text, "Deux mots ici : fin");
}

TEST(HtmlToText, EntitiesAreDecoded) {
  EXPECT_EQ(html_to_text("<p>&eacute;t&eacute; &amp; hiver &lt;3 &#8364; &#x2019; &euro;</p>").text,
            "été & hiver <3 € ’ €");
}

TEST(HtmlToText, ListsGetMarkersAndNestedListsAnIndent) {
  EXPECT_EQ(html_to_text("<ul><li>prise</li><li>spot<ol><li>salon</li><li>cuisine</li></ol></li></ul>").text,
            "- prise\n- spot\n  1. salon\n  2. cuisine");
}

TEST(HtmlToText, LinksKeepTheirTextOnly) {
  EXPECT_EQ(html_to_text(R"(<p>Voir <a href="https://example.fr/plan">le plan</a>.</p>)").text, "Voir le plan.");
}

TEST(HtmlToText, ScriptsStylesHeadAndCommentsAreDropped) {
  EXPECT_EQ(html_to_text("<html><head><title>T</title><style>p{}</style></head><body>"
                         "<script>var x = '<p>no</p>';</script><!-- secret --><p>Texte</p></body></html>")
                .text,
            "Texte");
}

TEST(HtmlToText, TableCellsAreSeparatedAndRowsEndLines) {
  EXPECT_EQ(html_to_text("<table><tr><td>Montant</td><td>100 €</td></tr><tr><th>TVA</th><td>20 €</td></tr></table>").text,
            "Montant 100 €\nTVA 20 €");
}

TEST(HtmlToText, BlockquoteLinesAreQuotedForTheReplySplitter) {
  EXPECT_EQ(html_to_text("<p>Oui.</p><blockquote>Question ?<br><br>Merci<blockquote>plus ancien</blockquote></blockquote>")
                .text,
            "Oui.\n> Question ?\n>\n> Merci\n>> plus ancien");
}

TEST(HtmlToText, PreformattedTextKeepsItsSpaces) {
  EXPECT_EQ(html_to_text("<pre>a   b\n  c</pre><p>x   y</p>").text, "a   b\n  c\nx y");
}

TEST(HtmlToText, BrokenHtmlStillGivesItsText) {
  EXPECT_EQ(html_to_text("<p>ouvert <b>gras <i>italique</p><div>suite").text, "ouvert gras italique\nsuite");
  EXPECT_EQ(html_to_text("").text, "");
  EXPECT_EQ(html_to_text("texte sans balise").text, "texte sans balise");
}

TEST(HtmlToText, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(html_to_text("caf\xE9").text, "caf\xEF\xBF\xBD");
}

TEST(HtmlToText, DeepNestingIsFlattenedNotExploded) {
  // gumbo alone takes gigabytes on this; the text must survive.
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<div><b>";
  html += "au fond";
  const HtmlText result = html_to_text(html);
  EXPECT_TRUE(result.flattened);
  EXPECT_EQ(result.text, "au fond");
  EXPECT_FALSE(html_to_text("<div><div><p>peu profond</p></div></div>").flattened);
}
