/**
 * The two articles the demo map draws on. Publisher, author, date, headline and link are facts
 * about each article; the text is not the article (it is not ours to redistribute) but the map's
 * own summary of it, paragraph by paragraph in the article's order, so a reader can follow the
 * debate and see each quoted passage in context.
 *
 * Every node's quote appears in its summary exactly as written, so quotes can be found and marked
 * in the source (prisma/demo-map.test.ts). Apart from those short attributed quotes, the summaries
 * are in our words: prisma/no-copied-articles.test.ts compares every file of the repository with
 * the published articles and refuses any run of 12 words or more that is not inside a quote.
 */
import type { Source } from "../lib/map/types";

export const DEMO_SOURCE_IDS = {
  zdnet: "src-zdnet-2015",
  globalTimes: "src-global-times-2022",
} as const;

const SUMMARY_NOTE =
  "[Argumap's summary of the article, in our own words. Passages in quotation marks are quoted " +
  "from the article; the full text is at the publisher's link.]";

const ZDNET_SUMMARY = `${SUMMARY_NOTE}

Eileen Yu contrasts Washington's distrust of Huawei, accused of cyberspying, with its welcome for Alibaba, and asks whether Alibaba's move into cloud computing will change that: “will the latter stir up similar concerns as it makes aggressive moves into the cloud?”

At a Miami technology conference in June, Condoleezza Rice, a former US secretary of state, set the two firms side by side. “Speaking in a tone that presumed Huawei's involvement in cyberspying activities”, as Yu notes, Rice said Beijing's plan to make Huawei a Trojan horse for spying had failed, and that China learned from it, to Alibaba's benefit.

China wanted a dominant telecoms champion, Rice said, but “nobody trusts Huawei because of cybersecurity issues”. A big market draws investment, she said, but there are conditions: “You don't use your cyber-power to spy on other people.” Nor should a state's champions take other countries' intellectual property.

Beijing, in Rice's account, accepted the “tradeoff” that global economic power demands: “So they've not made that mistake with Alibaba.” Its leaders are proud: “They are delighted that Alibaba is in the markets and that the IPO was a stunning success.” Yet Beijing still watches over the company, she added: “they call [founder and chair] Jack Ma and remind him it's a Chinese company--the propaganda people do”.

Yu adds what Rice left out: “Rice made no mention of the US National Security Agency's own cyberspying activities involving China and other nations.” On Huawei's side: “Huawei also has repeatedly denied any wrongdoing on its part.”

For Yu, the question is whether Alibaba keeps America's goodwill as it pushes beyond e-commerce into the computing infrastructure that companies depend on.

The cloud push

Alibaba had just pledged a large sum: “setting aside a whopping US$1 billion to drive its cloud business, Aliyun”, to take on Amazon Web Services (AWS) with more data centres, more partners and new products for cloud and big data. Aliyun's president, Simon Hu, said the division was now mature enough for its next step: “looking beyond Chinese shorelines to grab market share from global cloud players such as AWS, Microsoft, and IBM”.

Forrester Research, in a May report, recorded the company's official line: “Alibaba has publicly stated its appetite is limited to Chinese companies doing business in the US.” Its verdict: “Don't believe it. Its real strategy is far more ambitious”, though a base of Chinese customers could give Alibaba a niche to dominate as China's economy grows.

If American companies do sign up, Yu expects them to wonder about hidden access. Her question: “will it stoke suspicion that its platform includes "backdoors" to facilitate spying and espionage?” She also asks whether “the Chinese government may emulate the US and issue search warrants” for customer data held on servers outside China.

Alibaba should settle these questions quickly, Yu argues, if it wants American businesses and government as customers, all the more since the public cloud is crowded. Synergy Research Group's figures: “AWS with a 28 percent market share in 2014, followed by Microsoft at 10 percent, IBM at 7 percent, and Google at 5 percent”.

Yu suggests another route: “Alibaba also may want to focus instead on the European market, where Huawei has found much success.” In 2014 Europe, the Middle East and Africa brought Huawei 35 percent of its revenue, second only to China's 37.7 percent, while the Americas gave 10 percent. Alibaba's billion-dollar plan already names Singapore and Japan, Europe and the Middle East for new data centres, which Yu takes as a sign it is looking the right way.`;

const GLOBAL_TIMES_SUMMARY = `${SUMMARY_NOTE}

The Global Times reports that Alibaba Cloud, Alibaba Group's cloud arm, is now in Washington's sights, with the US once more invoking an alleged “national security risk” as part of “its ruthless attempt to assault Chinese high-tech companies, ranging from 5G to artificial intelligence”.

It expects that pressure to last, since “the Biden administration is taking all conceivable ways to harm Chinese high-tech development”.

Citing a Reuters report based on three people familiar with the matter, it writes: “The Biden administration is assessing whether Alibaba Cloud poses a risk to US national security”, amid closer US scrutiny of Chinese tech firms' business with American companies. “The focus of the probe is on how Alibaba Cloud stores its US clients' data”, personal details and intellectual property included, and on whether Beijing could reach it.

Fu Liang, an independent technology analyst, tells the paper that Washington reasons as Trump's team did: “The US is still using the same mafia-like logic favored by the former Trump administration”, which treats every Chinese company as a threat, whatever its owners or business, on the assumption that Beijing can get personal data through it. Fu's verdict: “the accusation of which is groundless”.

He sees the review as following “the so-called 'Clean Network' program proposed in 2020 by the former Trump administration”, which sought to rid US infrastructure of Chinese network equipment and grew from 5G to cover mobile networks, app stores and apps, the cloud and undersea cables. The paper also recalls that China Unicom, China Mobile and China Telecom “were delisted from the New York Stock Exchange after a Trump-era decision” that limited private American investment in Chinese tech firms.

What if a US block followed? Fu's answer: “it won't represent a major blow to the Chinese firm's overall business”. The unit has grown fast over two years, he says; as for where, “its major cloud business came from China and Southeast Asia”, markets in which demand for digital services is rising; no rival has more of the Asia-Pacific market. Gartner puts the American side in figures: “The annual revenue of Alibaba Cloud's US business was estimated at $50 million”.

The paper concedes a cost: “it will indeed pose some obstacles to the firm's cloud business internationally”, where Alibaba Cloud has lately been expanding but still trails Amazon and Microsoft.

It ends with the global market: infrastructure as a service (IaaS) reached $64.29 billion in 2020, 40.7 percent up on the year before, and the paper lists the leaders: “Amazon Web Services (AWS), Microsoft Azure and Alibaba Cloud ranking in the top three globally”.`;

export const DEMO_SOURCES: Source[] = [
  {
    id: DEMO_SOURCE_IDS.zdnet,
    title: "Alibaba may stoke US paranoia with cloud move",
    publisher: "ZDNet",
    author: "Eileen Yu",
    // The article carries no date. It reports Alibaba's US$1 billion Aliyun pledge (announced at
    // the end of July 2015) as "last month" and Rice's June conference talk, so it ran in August
    // 2015; the day is a placeholder.
    date: "2015-08-01",
    url: "https://www.zdnet.com/article/alibaba-may-stoke-us-paranoia-with-cloud-move/",
    text: ZDNET_SUMMARY,
  },
  {
    id: DEMO_SOURCE_IDS.globalTimes,
    title: "Alibaba Cloud is on US’ radar, as Washington is obsessed with assaulting Chinese high-tech sector",
    publisher: "Global Times",
    author: "",
    // "Published: Jan 19, 2022 06:19 PM" in the article itself.
    date: "2022-01-19",
    url: "https://www.globaltimes.cn/page/202201/1246376.shtml",
    text: GLOBAL_TIMES_SUMMARY,
  },
];
