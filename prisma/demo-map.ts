/**
 * The demo map every new install shows first: the debate over whether Alibaba's cloud business
 * is a security risk for the United States, mapped from two published articles.
 *
 * Pure data (no Prisma, no I/O), so the seed script, the tests and any tool can import it.
 * Every id is a fixed, readable string, so seeding is deterministic and can be repeated safely.
 * Node `text` is the map's own paraphrase; node `quote` is a short excerpt copied exactly from the
 * published article (at most 30 words, attributed to the node's speaker). The sources' text is our
 * summary of each article with those quotes in place (prisma/demo-sources.ts), so
 * `source.text.includes(node.quote)` holds (prisma/demo-map.test.ts checks it).
 */
import { DEMO_SOURCE_IDS, DEMO_SOURCES } from "./demo-sources";
import type { ArgEdge, ArgNode, Relation, Source } from "../lib/map/types";

/** A node as written here: seeding anchors its quote in its source (lib/map/quotes), so no prefix or suffix. */
export type DemoNode = Omit<ArgNode, "quotePrefix" | "quoteSuffix">;

export interface DemoMap {
  title: string;
  description: string;
  sources: Source[];
  nodes: DemoNode[];
  edges: ArgEdge[];
}

export { DEMO_SOURCE_IDS };

const ZDNET = DEMO_SOURCE_IDS.zdnet;
const GT = DEMO_SOURCE_IDS.globalTimes;

/*
 * Layout as stored: the main claim at (0, 0), each level of reasons 200 px lower, siblings 300 px
 * apart. Left to right: Condoleezza Rice's view and its critics (ZDNet); the open questions the
 * ZDNet article raises; the 2022 US review and the Global Times' answer to it; Alibaba's push
 * abroad (ZDNet); and, on the right, the second claim: would a US block hurt Alibaba?
 */
// Written without base scores: every demo node starts from the default (added in DEMO_MAP).
const NODES: Omit<DemoNode, "baseScore">[] = [
  // ── The question ──────────────────────────────────────────────────────────────────────
  {
    id: "n-main-alibaba-cloud-risk",
    kind: "claim",
    text: "Alibaba Cloud is a threat to America's security, so US companies and the US government should think twice before trusting it with their data.",
    speaker: "US government (Biden administration)",
    sourceId: GT,
    quote: "The Biden administration is assessing whether Alibaba Cloud poses a risk to US national security",
    x: 0,
    y: 0,
  },

  // ── Condoleezza Rice: China learned from Huawei (ZDNet, 2015) ─────────────────────────
  {
    id: "n-rice-alibaba-accepted",
    kind: "rebuttal",
    text: "Unlike Huawei, Alibaba is welcome in the US and in world markets: Beijing is pleased with its presence abroad and with how well its share offering went.",
    speaker: "Condoleezza Rice",
    sourceId: ZDNET,
    quote: "They are delighted that Alibaba is in the markets and that the IPO was a stunning success.",
    x: -1500,
    y: 200,
  },
  {
    id: "n-rice-china-learned",
    kind: "support",
    text: "Beijing saw that being a global economic power comes at a price, and after the Huawei episode it chose not to repeat the error with Alibaba.",
    speaker: "Condoleezza Rice",
    sourceId: ZDNET,
    quote: "So they've not made that mistake with Alibaba.",
    x: -1500,
    y: 400,
  },
  {
    id: "n-rice-huawei-distrust",
    kind: "support",
    text: "China meant Huawei to dominate world telecoms, but the plan failed once the firm was seen as a Trojan horse for espionage: no one trusts Huawei on cybersecurity.",
    speaker: "Condoleezza Rice",
    sourceId: ZDNET,
    quote: "nobody trusts Huawei because of cybersecurity issues",
    x: -1500,
    y: 600,
  },
  {
    id: "n-yu-rice-presumes-guilt",
    kind: "rebuttal",
    text: "Rice spoke as if Huawei's part in cyber espionage were an established fact, when it has only been alleged.",
    speaker: "Eileen Yu (ZDNet)",
    sourceId: ZDNET,
    quote: "Speaking in a tone that presumed Huawei's involvement in cyberspying activities",
    x: -1800,
    y: 800,
  },
  {
    id: "n-rice-rules-of-the-game",
    kind: "support",
    text: "A huge market draws investment, but it comes with rules: a state must not turn its cyber capabilities on others to spy, nor let its national champions take foreign intellectual property.",
    speaker: "Condoleezza Rice",
    sourceId: ZDNET,
    quote: "You don't use your cyber-power to spy on other people.",
    x: -1500,
    y: 800,
  },
  {
    id: "n-huawei-denies",
    kind: "rebuttal",
    text: "Huawei has said time and again that it has done nothing wrong.",
    speaker: "Huawei",
    sourceId: ZDNET,
    quote: "Huawei also has repeatedly denied any wrongdoing on its part.",
    x: -1200,
    y: 800,
  },
  {
    id: "n-yu-nsa-omission",
    kind: "rebuttal",
    text: "Rice's rule against cyberspying ignores that America's own National Security Agency has spied on China and on other countries.",
    speaker: "Eileen Yu (ZDNet)",
    sourceId: ZDNET,
    quote: "Rice made no mention of the US National Security Agency's own cyberspying activities involving China and other nations.",
    x: -1500,
    y: 1000,
  },
  {
    id: "n-rice-jack-ma-calls",
    kind: "support",
    text: "Beijing still keeps a hand on Alibaba: every so often propaganda officials phone Jack Ma, its founder and chairman, to remind him that his firm is Chinese.",
    speaker: "Condoleezza Rice",
    sourceId: ZDNET,
    quote: "they call [founder and chair] Jack Ma and remind him it's a Chinese company--the propaganda people do",
    x: -1200,
    y: 400,
  },

  // ── Questions the ZDNet article leaves open ────────────────────────────────────────────
  {
    id: "n-yu-backdoor-question",
    kind: "support",
    text: "If US businesses move onto Alibaba's cloud, they will ask whether it hides backdoors for spying on them, a question Alibaba has yet to answer.",
    speaker: "Eileen Yu (ZDNet)",
    sourceId: ZDNET,
    quote: "will it stoke suspicion that its platform includes \"backdoors\" to facilitate spying and espionage?",
    x: -600,
    y: 200,
  },
  {
    id: "n-yu-warrant-question",
    kind: "support",
    text: "Another open question: Beijing might copy Washington and use warrants to demand customer data that Alibaba keeps on servers outside China.",
    speaker: "Eileen Yu (ZDNet)",
    sourceId: ZDNET,
    quote: "the Chinese government may emulate the US and issue search warrants",
    x: -300,
    y: 200,
  },

  // ── The 2022 US review and the Global Times' answer ───────────────────────────────────
  {
    id: "n-us-review-2022",
    kind: "support",
    text: "In January 2022 the Biden administration was reported by Reuters, via three people briefed on it, to be examining how Alibaba Cloud holds its American customers' data, such as personal details and intellectual property, and whether Beijing could reach that data.",
    speaker: "US government (Biden administration)",
    sourceId: GT,
    quote: "The focus of the probe is on how Alibaba Cloud stores its US clients' data",
    x: 300,
    y: 200,
  },
  {
    id: "n-gt-political-assault",
    kind: "rebuttal",
    text: "\"National security\" is a pretext: the review is one more politically driven attack by Washington on China's technology firms, from 5G to AI.",
    speaker: "Global Times",
    sourceId: GT,
    quote: "its ruthless attempt to assault Chinese high-tech companies, ranging from 5G to artificial intelligence",
    x: 300,
    y: 400,
  },
  {
    id: "n-gt-biden-pressure",
    kind: "support",
    text: "Pressure on China's tech industry will not ease any time soon: the Biden administration is using every means it can find to hold that industry back.",
    speaker: "Global Times",
    sourceId: GT,
    quote: "the Biden administration is taking all conceivable ways to harm Chinese high-tech development",
    x: 0,
    y: 600,
  },
  {
    id: "n-fu-clean-network",
    kind: "support",
    text: "The review follows the playbook of the Trump administration's 2020 \"Clean Network\" scheme, which set out to purge Chinese network equipment from US infrastructure and widened from 5G to carriers, app stores, apps, cloud services and undersea cables.",
    speaker: "Fu Liang",
    sourceId: GT,
    quote: "the so-called 'Clean Network' program proposed in 2020 by the former Trump administration",
    x: 300,
    y: 600,
  },
  {
    id: "n-gt-carriers-delisted",
    kind: "support",
    text: "The pattern is familiar: China Telecom, China Mobile and China Unicom lost their New York listings after the Trump administration curbed American private investment in Chinese tech firms.",
    speaker: "Global Times",
    sourceId: GT,
    quote: "were delisted from the New York Stock Exchange after a Trump-era decision",
    x: 600,
    y: 600,
  },
  {
    id: "n-fu-accusation-groundless",
    kind: "rebuttal",
    text: "There is no evidence for the charge that Beijing can pull personal data out of Chinese companies such as Alibaba Cloud.",
    speaker: "Fu Liang",
    sourceId: GT,
    quote: "the accusation of which is groundless",
    x: 900,
    y: 200,
  },
  {
    id: "n-fu-mafia-logic",
    kind: "rebuttal",
    text: "Washington still reasons the Trump way, which Fu calls \"mafia-like\": every Chinese company is presumed a threat, whoever owns it and whatever it does, merely because the Chinese state might get at its data.",
    speaker: "Fu Liang",
    sourceId: GT,
    quote: "The US is still using the same mafia-like logic favored by the former Trump administration",
    x: 900,
    y: 400,
  },

  // ── Alibaba's push abroad (ZDNet, 2015) ───────────────────────────────────────────────
  {
    id: "n-yu-similar-suspicion",
    kind: "support",
    text: "As Alibaba moves from online shopping into cloud computing and the back-end systems of businesses, it risks drawing the same spying suspicions as Huawei.",
    speaker: "Eileen Yu (ZDNet)",
    sourceId: ZDNET,
    quote: "will the latter stir up similar concerns as it makes aggressive moves into the cloud?",
    x: 1500,
    y: 200,
  },
  {
    id: "n-alibaba-limited-appetite",
    kind: "rebuttal",
    text: "Alibaba says it is only after Chinese firms operating in the US, not American customers at large.",
    speaker: "Alibaba",
    sourceId: ZDNET,
    quote: "Alibaba has publicly stated its appetite is limited to Chinese companies doing business in the US.",
    x: 1200,
    y: 400,
  },
  {
    id: "n-forrester-dont-believe",
    kind: "rebuttal",
    text: "Forrester, in a May report, doubts that: Alibaba's real plans are much bigger, though a customer base centred on China could become a niche it dominates as China's economy keeps growing.",
    speaker: "Forrester Research",
    sourceId: ZDNET,
    quote: "Don't believe it. Its real strategy is far more ambitious",
    x: 1200,
    y: 600,
  },
  {
    id: "n-hu-beyond-china",
    kind: "support",
    text: "Six years in, Aliyun's technology is mature enough to expand outside China and win customers from global rivals like AWS, Microsoft and IBM.",
    speaker: "Simon Hu (Aliyun)",
    sourceId: ZDNET,
    quote: "looking beyond Chinese shorelines to grab market share from global cloud players such as AWS, Microsoft, and IBM",
    x: 1800,
    y: 400,
  },
  {
    id: "n-aliyun-1b-push",
    kind: "support",
    text: "Alibaba committed US$1 billion to Aliyun, its cloud arm, for more data centres, a wider partner network and new cloud and big-data products, with Amazon Web Services as the rival to beat.",
    speaker: "Alibaba",
    sourceId: ZDNET,
    quote: "setting aside a whopping US$1 billion to drive its cloud business, Aliyun",
    x: 1500,
    y: 600,
  },
  {
    id: "n-synergy-market-share",
    kind: "rebuttal",
    text: "The public cloud is already crowded and led by AWS: in 2014 it held 28% of the market, against 10% for Microsoft, 7% for IBM and 5% for Google.",
    speaker: "Synergy Research Group",
    sourceId: ZDNET,
    quote: "AWS with a 28 percent market share in 2014, followed by Microsoft at 10 percent, IBM at 7 percent, and Google at 5 percent",
    x: 1800,
    y: 600,
  },
  {
    id: "n-gt-iaas-top-three",
    kind: "support",
    text: "By 2020 Alibaba Cloud was a global player: worldwide IaaS spending grew 40.7% that year to $64.29 billion, and it was one of the three biggest providers, with AWS and Microsoft Azure.",
    speaker: "Global Times",
    sourceId: GT,
    quote: "Amazon Web Services (AWS), Microsoft Azure and Alibaba Cloud ranking in the top three globally",
    x: 2100,
    y: 600,
  },

  // ── Second claim: what would a US block cost Alibaba? (Global Times, 2022) ────────────
  {
    id: "n-fu-not-major-blow",
    kind: "claim",
    text: "Even if the review ends with Alibaba Cloud barred from dealing with US customers, the company as a whole would barely feel it.",
    speaker: "Fu Liang",
    sourceId: GT,
    quote: "it won't represent a major blow to the Chinese firm's overall business",
    x: 2850,
    y: 400,
  },
  {
    id: "n-gartner-us-revenue",
    kind: "support",
    text: "Alibaba Cloud's American business is small: Gartner puts its yearly revenue at roughly $50 million.",
    speaker: "Gartner",
    sourceId: GT,
    quote: "The annual revenue of Alibaba Cloud's US business was estimated at $50 million",
    x: 2400,
    y: 600,
  },
  {
    id: "n-fu-china-sea-business",
    kind: "support",
    text: "Alibaba Cloud has grown quickly over the last two years on demand from China and Southeast Asia, where businesses are digitising fast; it leads the Asia-Pacific market.",
    speaker: "Fu Liang",
    sourceId: GT,
    quote: "its major cloud business came from China and Southeast Asia",
    x: 2700,
    y: 600,
  },
  {
    id: "n-yu-europe-instead",
    kind: "support",
    text: "Alibaba has room to grow without the US: Huawei did well in Europe (EMEA gave it 35% of 2014 revenue, the Americas only 10%), and Alibaba's data-centre plans already name Singapore, Japan, Europe and the Middle East.",
    speaker: "Eileen Yu (ZDNet)",
    sourceId: ZDNET,
    quote: "Alibaba also may want to focus instead on the European market, where Huawei has found much success.",
    x: 3000,
    y: 600,
  },
  {
    id: "n-gt-hampers-growth",
    kind: "rebuttal",
    text: "Still, a block would get in the way of Alibaba Cloud's recent drive abroad, where it remains behind market leaders Amazon and Microsoft.",
    speaker: "Global Times",
    sourceId: GT,
    quote: "it will indeed pose some obstacles to the firm's cloud business internationally",
    x: 3300,
    y: 600,
  },
];

/** One link: `from` is the reason, `to` what it is a reason for (supports) or against (rebuts). */
function link(from: string, relation: Relation, to: string): ArgEdge {
  return { id: `e-${from.replace(/^n-/, "")}--${to.replace(/^n-/, "")}`, from, to, relation };
}

const EDGES: ArgEdge[] = [
  // Rice: Alibaba is trusted where Huawei is not
  link("n-rice-alibaba-accepted", "rebuts", "n-main-alibaba-cloud-risk"),
  link("n-rice-china-learned", "supports", "n-rice-alibaba-accepted"),
  link("n-rice-huawei-distrust", "supports", "n-rice-china-learned"),
  link("n-rice-rules-of-the-game", "supports", "n-rice-huawei-distrust"),
  link("n-yu-rice-presumes-guilt", "rebuts", "n-rice-huawei-distrust"),
  link("n-huawei-denies", "rebuts", "n-rice-huawei-distrust"),
  link("n-yu-nsa-omission", "rebuts", "n-rice-rules-of-the-game"),
  // ...yet Beijing keeps a hand on Alibaba
  link("n-rice-jack-ma-calls", "supports", "n-main-alibaba-cloud-risk"),
  link("n-rice-jack-ma-calls", "rebuts", "n-rice-alibaba-accepted"),
  // Open questions
  link("n-yu-backdoor-question", "supports", "n-main-alibaba-cloud-risk"),
  link("n-yu-warrant-question", "supports", "n-main-alibaba-cloud-risk"),
  // The 2022 review and the answer to it
  link("n-us-review-2022", "supports", "n-main-alibaba-cloud-risk"),
  link("n-gt-political-assault", "rebuts", "n-us-review-2022"),
  link("n-gt-biden-pressure", "supports", "n-gt-political-assault"),
  link("n-fu-clean-network", "supports", "n-gt-political-assault"),
  link("n-gt-carriers-delisted", "supports", "n-gt-political-assault"),
  link("n-fu-accusation-groundless", "rebuts", "n-main-alibaba-cloud-risk"),
  link("n-fu-mafia-logic", "supports", "n-fu-accusation-groundless"),
  link("n-fu-mafia-logic", "rebuts", "n-us-review-2022"),
  // Alibaba's push abroad invites Huawei-style suspicion
  link("n-yu-similar-suspicion", "supports", "n-main-alibaba-cloud-risk"),
  link("n-rice-huawei-distrust", "supports", "n-yu-similar-suspicion"),
  link("n-alibaba-limited-appetite", "rebuts", "n-yu-similar-suspicion"),
  link("n-forrester-dont-believe", "rebuts", "n-alibaba-limited-appetite"),
  link("n-forrester-dont-believe", "supports", "n-hu-beyond-china"),
  link("n-hu-beyond-china", "supports", "n-yu-similar-suspicion"),
  link("n-aliyun-1b-push", "supports", "n-hu-beyond-china"),
  link("n-synergy-market-share", "rebuts", "n-hu-beyond-china"),
  link("n-gt-iaas-top-three", "supports", "n-hu-beyond-china"),
  link("n-gartner-us-revenue", "rebuts", "n-hu-beyond-china"),
  // Would a US block hurt Alibaba?
  link("n-gartner-us-revenue", "supports", "n-fu-not-major-blow"),
  link("n-fu-china-sea-business", "supports", "n-fu-not-major-blow"),
  link("n-yu-europe-instead", "supports", "n-fu-not-major-blow"),
  link("n-gt-hampers-growth", "rebuts", "n-fu-not-major-blow"),
];

export const DEMO_MAP: DemoMap = {
  title: "Is Alibaba Cloud a security risk for the US?",
  description:
    "A map of the debate over whether Alibaba's cloud business endangers American security, " +
    "drawn from Eileen Yu's 2015 ZDNet column on Alibaba's cloud push and a 2022 Global Times " +
    "report on the Biden administration's review of Alibaba Cloud; every point quotes its source.",
  sources: DEMO_SOURCES,
  nodes: NODES.map(({ x, y, ...node }) => ({ ...node, baseScore: null, x, y })),
  edges: EDGES,
};
