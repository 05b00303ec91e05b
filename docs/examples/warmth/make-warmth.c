/* make-warmth: builds docs/examples/warmth/warmth.xml through the public API.
 *
 *     make-warmth OUTPUT.xml
 *
 * ILLUSTRATIVE EXAMPLE: NOT THE DATA OF ANY PUBLISHED REVIEW.
 *
 * The project has the *shape* of a published meta-ethnography of 29 UK
 * qualitative studies of racially minoritised people's experiences of
 * mental-health care and cancer care (Ridge et al. 2023, PLOS ONE
 * 18(5):e0284878), whose line of argument is that patients yearn for warmth,
 * to be listened to and to be known as whole people, and that good
 * practitioners come to feel like family. Nothing here is taken from that
 * review or from any study: the 29 studies, their authors, journals, quotes,
 * interpretations, appraisals, translations and findings were all invented
 * for this example, in our own words. Do not cite any of it.
 *
 * Every time in the project is fixed and nothing is random, so the output is
 * the same byte for byte on every run; the `example-warmth` test checks that
 * the committed warmth.xml is exactly what this program writes. After saving,
 * the program loads the file back and checks that it equals the model it
 * built.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <metaethno/metaethno.h>

#define MAX_AUTHORS 5
#define MAX_QUOTES  8
#define MAX_THEMES  5
#define MAX_EXPR    3
#define MAX_BASIS   10
#define N_QUESTIONS 10

/* Fixed times (seconds since 1970-01-01 UTC). */
#define T_CREATED      G_GINT64_CONSTANT (1673254800) /* 2023-01-09 09:00 */
#define T_TRANSLATING  G_GINT64_CONSTANT (1678096800) /* 2023-03-06 10:00 */
#define T_MODIFIED     G_GINT64_CONSTANT (1696005000) /* 2023-09-29 16:30 */
#define DAY            G_GINT64_CONSTANT (86400)

/* ------------------------------------------------------------------ */
/* The review                                                         */
/* ------------------------------------------------------------------ */

#define ILLUSTRATIVE "Illustrative example — not the data of any published review"

static const char project_title[] =
  "Warmth, being heard and being known: racially minoritised people's "
  "experiences of mental-health and cancer care in the UK ("
  ILLUSTRATIVE ")";

static const char project_question[] =
  "How do racially minoritised people in the UK experience mental-health "
  "care and cancer care, and what do their accounts tell us about what makes "
  "care feel safe, acceptable and worth returning to?";

static const char project_aim[] =
  ILLUSTRATIVE ". This file shows how a review team records a "
  "meta-ethnography in metaethno. Its 29 studies are invented; the project "
  "only borrows the shape of a published review of UK qualitative studies in "
  "mental-health and cancer care. Within the fiction, the aim is to bring "
  "together qualitative studies of racially minoritised people's experiences "
  "of both kinds of care and to build, by translating the studies into one "
  "another, an interpretation that none of them states alone.";

static const char project_line_of_argument[] =
  "Across mental-health and cancer care, racially minoritised people wanted "
  "warmth, wanted to be listened to and wanted to be known as whole people "
  "rather than as a diagnosis, a risk or a category. Many arrived guarded: "
  "they had been treated as 'other' by services, or expected to be, and they "
  "made sense of illness within families, faith communities and cultural "
  "frames that services often overlooked. Where practitioners offered warmth "
  "together with honesty, listened, stayed over time and took those frames "
  "seriously, people tested them, told them more and engaged with care; the "
  "engagement in turn deepened the relationship, until the best practitioners "
  "came to feel like family while staying professional. (" ILLUSTRATIVE ".)";

/* ------------------------------------------------------------------ */
/* Team and appraisal checklist                                       */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *id;
  const char *name;
  const char *role;
} MemberSpec;

static const MemberSpec members[] = {
  { "rb", "R. Bhatt (illustrative)", "lead reviewer" },
  { "ta", "T. Asante (illustrative)", "second reviewer" },
  { "hm", "H. McAllister (illustrative)", "methodologist" },
  { "yl", "Y. Lau (illustrative)", "patient and public involvement lead" },
};

#define CHECKLIST_ID "casp"

/* Ten appraisal questions in the spirit of the CASP qualitative checklist,
 * paraphrased for this example. The tenth is free text. */
static const char * const questions[N_QUESTIONS] = {
  "Does the paper set out clearly what the research was trying to find out?",
  "Is qualitative inquiry a sensible way to address that aim?",
  "Was the research design suited to the aim?",
  "Did the way participants were recruited fit the aim of the study?",
  "Were the data collected in ways that speak to the research question?",
  ("Have the researchers considered how they, and their relationship with "
   "participants, shaped the study?"),
  "Were ethical issues taken into account?",
  "Was the analysis rigorous enough, and described in enough detail to judge?",
  "Is there a clear account of the findings?",
  "How valuable is the research, and to whom?",
};

static const char * const answers[] = { "yes", "can't tell", "no", NULL };

/* ------------------------------------------------------------------ */
/* Key concepts                                                       */
/* ------------------------------------------------------------------ */

/* Socio-ecological levels are written as letters: i individual,
 * p interpersonal, c community, o organisational, s societal. */

typedef struct {
  const char *id;
  const char *label;
  const char *definition;
  const char *levels;
} ConceptSpec;

static const ConceptSpec concepts[] = {
  { "listened", "being listened to",
    "Practitioners give unhurried attention to the person's own account, beyond "
    "the assessment form or the prescription, and take it seriously, which "
    "includes believing what the person says about their symptoms and pain.",
    "ip" },
  { "warmth", "warmth and kindness",
    "Care shown through small, ordinary acts of kindness, friendliness and "
    "presence, by which patients judge whether a practitioner cares about them.",
    "ip" },
  { "family-like", "practitioners who feel like family",
    "Long-standing practitioners described in the language of kinship (a "
    "sister, a brother, a daughter, 'one of us') and trusted as family members "
    "are trusted.",
    "ip" },
  { "whole-person", "being known as a whole person",
    "Being recognised as someone with a history, a family, work, faith and "
    "hopes, rather than as a diagnosis, a case or an ethnic category.",
    "ip" },
  { "othered", "being treated as 'other': racism and discrimination",
    "Being pre-judged, disbelieved, watched or served by systems designed for "
    "other people because of one's ethnicity, religion or way of life, "
    "including stereotypes of dangerousness.",
    "ios" },
  { "stigma", "stigma and shame",
    "Shame attached to mental illness or cancer within families and "
    "communities (family honour, 'face', fear of gossip), leading people to "
    "hide illness and delay help.",
    "ipc" },
  { "gatekeeping", "family as gatekeepers",
    "Relatives control contact and information between the patient and "
    "services: they attend consultations, interpret, withhold a diagnosis or "
    "decide whether services come into the home.",
    "pc" },
  { "faith", "spirituality and faith",
    "Religious and spiritual understandings of illness and healing, faith as "
    "comfort and resource, and the way services respond to them.",
    "ic" },
  { "language", "language, interpreters and being understood",
    "Being able to say what one means and to understand what one is told "
    "across a language gap, including professional interpreters, relatives "
    "who interpret, and practitioners who share a language.",
    "io" },
  { "mistrust", "mistrust of services",
    "Expecting harm from services (force, the police, child removal, "
    "immigration consequences, being experimented on) and so withholding, "
    "delaying or avoiding contact.",
    "ics" },
  { "continuity", "continuity of care",
    "Seeing the same practitioner or interpreter over time, with planned "
    "handovers, so that the person does not have to start again.",
    "o" },
  { "coercion", "fear of coercion",
    "In mental-health care, the fear and the experience of detention, "
    "restraint, police involvement and forced treatment.",
    "ios" },
  { "cancer-fear", "fear of cancer",
    "Cancer understood as a death sentence, or as something that must not be "
    "named, leading to avoidance of screening and dread of treatment.",
    "ic" },
  { "remote", "remote care and the personal touch",
    "Telephone and video consultations remove the presence and cues through "
    "which patients feel known and read what they are told.",
    "o" },
};

/* ------------------------------------------------------------------ */
/* Studies                                                            */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *speaker;
  const char *page;
  const char *text;
} QuoteSpec;

/* How a second-order construct relates to a key concept:
 *   'f'  it founds the concept (first expression; no translation),
 *   'r'  it expresses the concept and is translated reciprocally into it,
 *        as used by the target study,
 *   'x'  it is translated refutationally against the concept, as used by the
 *        target study (and does not express it). */
typedef struct {
  const char *concept;
  char kind;
  const char *target;
  const char *rationale;
} ExprSpec;

typedef struct {
  const char *label;
  const char *page;
  const char *text;
  const char *grounds;   /* quote numbers, e.g. "13" for q1 and q3 */
  const char *levels;    /* socio-ecological levels, see above */
  ExprSpec expr[MAX_EXPR];
} ThemeSpec;

typedef struct {
  const char *id;
  const char *authors[MAX_AUTHORS + 1];
  int year;
  const char *title;
  const char *source;
  const char *volume;
  const char *issue;
  const char *pages;
  const char *doi;
  const char *country;
  const char *setting;
  const char *participants;
  const char *condition;
  const char *data_collection;
  const char *analysis;
  guint sample_size;
  const char *care_area;
  const char *groups;
  guint position;          /* translation order; 1 is the index study */
  gboolean index_study;
  const char *translator;  /* team member who translated the study */
  const char *notes;
  /* q1-q9 as letters: Y yes, C can't tell, N no; every C or N has a note. */
  const char *appraisal;
  const char *appraisal_notes[N_QUESTIONS - 1];
  const char *value;       /* q10, free text */
  QuoteSpec quotes[MAX_QUOTES];
  ThemeSpec themes[MAX_THEMES];
} StudySpec;

#define JIHR  "Journal of Illustrative Health Research"
#define ISMH  "Illustrative Studies in Mental Health"
#define FJCC  "Fictional Journal of Cancer Care"
#define EJPS  "Exemplary Journal of Palliative Studies"
#define EQHR  "Exemplary Qualitative Health Review"

#define MH "mental health"
#define CA "cancer care"

#define ENGLAND  "United Kingdom (England)"
#define SCOTLAND "United Kingdom (Scotland)"
#define WALES    "United Kingdom (Wales)"

#define INDEX "okonkwo2014"

/* In publication order; the translation order is in .position. */
static const StudySpec studies[] = {
  /* ---------------------------------------------------------------- */
  {
    "ashworth2003", { "Ashworth, P.", "Owusu, K.", NULL }, 2003,
    "Admission stories: Black Caribbean men's accounts of acute psychiatric care",
    ISMH, "5", "2", "101-112", NULL,
    ENGLAND, "Acute inpatient psychiatric wards in one London NHS trust",
    "Black Caribbean men aged 19 to 55 with at least one compulsory admission",
    "Psychosis; compulsory admission", "Semi-structured interviews after discharge",
    "Grounded theory", 14, MH, "Black Caribbean", 2, FALSE, "ta",
    "The earliest study in the set; thin on method but vivid on restraint.",
    "YYYCYNYCY",
    { [3] = "Recruited through ward staff; there is no account of who declined or why.",
      [5] = "The researchers' own backgrounds and their relationship to the ward are not mentioned.",
      [7] = "Only a short paragraph on how the categories were developed." },
    "Moderate: an early account of admission from the men's side; small, single-site sample.",
    {
      { "Black Caribbean man, 20s, after his second admission", "104",
        "Six of them came in the room. Six. For one man who was just sat there "
        "crying. What does that tell you about what they think I am?" },
      { "Black Caribbean man, 30s, inpatient psychiatry", "105",
        "Nobody asked me what happened before. Not once. All they wanted to "
        "know was, am I taking the tablets." },
      { "Black Caribbean man, 40s, inpatient psychiatry", "106",
        "In my family you don't talk about this. My brother still tells people "
        "I was away working." },
      { "Black Caribbean man, 50s, after three admissions", "107",
        "There was one nurse, older lady, she'd sit with me in the evenings. "
        "Talked to me like I was her son. She's the reason I went back to the "
        "clinic after." },
    },
    {
      { "Treated as a danger", "104-105",
        "Men read restraint, seclusion and heavy medication as evidence that "
        "staff saw them as dangerous because they were Black men, and this "
        "coloured how they approached every service afterwards.",
        "12", "ios",
        { { "othered", 'r', INDEX,
            "Both studies describe being pre-judged as dangerous; the ward "
            "setting here is harsher, but the idea is the same." } } },
      { "Keeping it in the family", "106",
        "Mental illness brought shame on the family, so admissions were hidden "
        "and relatives' support came at the price of silence.",
        "3", "pc",
        { { "stigma", 'f', NULL, NULL } } },
      { "The one who stayed", "107",
        "A single member of staff who showed a personal interest could redeem "
        "an otherwise hostile admission and became the reason to stay in touch "
        "with services.",
        "4", "ip",
        { { "warmth", 'r', INDEX,
            "The nurse who sat with him shows warmth through presence, as the "
            "index study describes." },
          { "family-like", 'r', INDEX,
            "Being spoken to 'like her son' is the kinship language of the "
            "index study." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "kaur2004", { "Kaur, J.", "Whitfield, D.", "Sandhu, R.", NULL }, 2004,
    "Holding it inside: South Asian women's accounts of depression and their GPs",
    JIHR, "2", "4", "288-297", NULL,
    ENGLAND, "General practices in two West Midlands towns",
    "Punjabi Sikh and Pakistani Muslim women aged 25 to 70",
    "Depression and emotional distress",
    "Semi-structured interviews in Punjabi, Urdu or English",
    "Framework analysis", 22, MH, "Indian (Punjabi Sikh); Pakistani", 3, FALSE, "rb",
    NULL,
    "YYYYYCYYY",
    { [5] = "Interviewers shared the participants' languages, but the paper does "
            "not reflect on how that shaped what women said." },
    "High: clear on how family and language shape what women can tell a GP.",
    {
      { "Pakistani woman, 40s, depression", "290",
        "My mother-in-law comes with me to the doctor. How can I say anything "
        "in front of her? So I say my back is hurting." },
      { "Punjabi Sikh woman, 60s, depression", "291",
        "The doctor is very busy, I know. He is writing the prescription before "
        "I finish talking." },
      { "Pakistani woman, 20s, anxiety and low mood", "292",
        "If people knew I was going for my nerves, who would marry my sister? "
        "It comes back on all of us." },
      { "Punjabi Sikh woman, 30s, depression", "293",
        "I wanted a lady doctor who speaks Punjabi. In my own language I can "
        "explain what is happening in my heart." },
      { "Pakistani woman, 50s, depression", "294",
        "At the women's group there was a worker who let me talk for one whole "
        "hour. Nobody had done that for me before." },
    },
    {
      { "Chaperoned consultations", "290-291",
        "Relatives, often mothers-in-law or husbands, came to consultations and "
        "shaped what women could say; distress was presented through bodily "
        "complaints that were safe to name.",
        "1", "pc",
        { { "gatekeeping", 'f', NULL, NULL } } },
      { "Not given time", "291-292",
        "Women experienced GPs as rushed and quick to prescribe, and took this "
        "as a sign that their own account was not wanted; the rare worker who "
        "gave them time was remembered.",
        "25", "io",
        { { "listened", 'r', INDEX,
            "Being hurried towards a prescription is the absence of the "
            "listening the index study describes; the same concept seen from "
            "its negative side." } } },
      { "Honour and the family name", "292",
        "Concern for family honour and for relatives' marriage prospects made "
        "mental illness something to conceal.",
        "3", "pcs",
        { { "stigma", 'r', "ashworth2003",
            "Concealment to protect the family's standing matches 'keeping it "
            "in the family', in a different community." } } },
      { "Speaking from the heart in one's own language", "293",
        "Women could describe emotional pain only in their first language and "
        "valued practitioners who shared it.",
        "4", "io",
        { { "language", 'f', NULL, NULL } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "obi2005", { "Obi, C.", "Hartley, S.", NULL }, 2005,
    "'It is not our disease': Black African women and breast screening in an "
    "inner-city borough",
    FJCC, "9", "1", "45-53", NULL,
    ENGLAND, "Breast screening programme and community venues in one London borough",
    "Black African women (Nigerian, Ghanaian, Somali) aged 47 to 70",
    "Breast cancer screening", "Five focus groups in community venues",
    "Thematic analysis", 31, CA, "Black African", 4, FALSE, "ta",
    NULL,
    "YYYYYNYCY",
    { [5] = "There is no reflexive account at all.",
      [7] = "The analysis does not consider how the focus-group setting shaped what was said." },
    "Moderate: useful on fear and fatalism, though about screening rather than care.",
    {
      { "Nigerian woman, 50s, focus group 2", "47",
        "Here they say cancer and you hear death. Some women would rather not "
        "know. If God has written it, God has written it." },
      { "Somali woman, 40s, focus group 4 (through an interpreter)", "48",
        "The letter came in English. My son read it to me, but he is a boy, I "
        "could not ask him about breasts." },
      { "Ghanaian woman, 60s, focus group 1", "49",
        "The lady at the screening van was rough, she didn't explain anything. "
        "I felt like a piece of meat. I will not go back there." },
      { "Nigerian woman, 40s, focus group 3", "50",
        "We were told it is a white woman's disease. Nobody in my village had "
        "it, that we knew of." },
    },
    {
      { "Cancer as a death sentence", "47-48",
        "Cancer was widely understood as incurable and foreign, so screening "
        "was feared as a route to a death sentence rather than seen as "
        "protection.",
        "14", "ic",
        { { "cancer-fear", 'f', NULL, NULL } } },
      { "Faith and fate", "47",
        "Some women placed the outcome in God's hands, which comforted them and "
        "also made screening seem less relevant.",
        "1", "ic",
        { { "faith", 'f', NULL, NULL } } },
      { "Information that does not reach us", "48",
        "Invitations and leaflets in English, read aloud by relatives, left "
        "women without information they could act on in private.",
        "2", "io",
        { { "language", 'r', "kaur2004",
            "Depending on relatives to read letters is the same barrier of "
            "language and being understood that Kaur et al. found in "
            "consultations." } } },
      { "A cold reception", "49",
        "A brusque first experience at the screening unit was remembered and "
        "retold in the community, and it discouraged women from returning.",
        "3", "ioc",
        { { "warmth", 'r', INDEX,
            "A negative case: the lack of warmth decided whether women came "
            "back, which supports the index study's claim that warmth is how "
            "care is judged." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "lam2006", { "Lam, W. K.", "Gregor, F.", "Tsang, Y.", NULL }, 2006,
    "Between two systems: Chinese patients and their families in hospital cancer care",
    JIHR, "4", "2", "131-142", "10.0000/illustrative.06",
    "United Kingdom (England and Scotland)",
    "Oncology outpatient and inpatient services in Manchester and Glasgow",
    "Chinese patients with cancer (mostly Cantonese-speaking, born in Hong "
    "Kong) and family carers",
    "Cancers of several sites under active treatment",
    "Interviews in Cantonese or English, some with patient and carer together",
    "Thematic analysis", 22, CA, "Chinese", 5, FALSE, "rb",
    NULL,
    "YYCYYCYYY",
    { [2] = "Joint patient and carer interviews may have limited what patients "
            "said; the paper does not discuss this.",
      [5] = "Reflexivity goes no further than noting the interviewer's language." },
    "Moderate to high: a rare account of Chinese patients, careful about "
    "interpreting and family roles.",
    {
      { "Chinese man, 70s, lung cancer (in Cantonese)", "134",
        "A good doctor tells you what to do. I don't need him to be my friend, "
        "I need him to know his job." },
      { "Chinese woman, 50s, daughter and carer", "135",
        "We did not tell Father it was cancer. In our culture you protect the "
        "old person from this news. The doctor was not happy, but he agreed." },
      { "Chinese woman, 60s, breast cancer (in Cantonese)", "136",
        "The interpreter was from the same restaurant trade as my husband. "
        "After that, everybody knew." },
      { "Chinese man, 40s, bowel cancer", "137",
        "When the nurse learned a few words, 'jo san', good morning, I felt she "
        "respected us." },
      { "Chinese woman, 70s, stomach cancer (in Cantonese)", "138",
        "My son translates for me. But some things, I see he is making them "
        "softer. I don't know what the doctor really said." },
    },
    {
      { "Expertise before rapport", "134",
        "Several older patients valued clear instruction and technical "
        "competence over personal warmth, and expected a hierarchical "
        "relationship with their doctors.",
        "1", "ic",
        { { "family-like", 'x', INDEX,
            "Contradicts the index study: these older Chinese patients wanted "
            "authority and competence, not closeness, and did not look for a "
            "practitioner who felt like family. The team keeps the "
            "contradiction. Expectations of the practitioner's role differ "
            "between generations and traditions of care, so closeness is not a "
            "universal good; what the two accounts share is wanting to be "
            "treated with respect." } } },
      { "Protective non-disclosure", "135, 138",
        "Families sometimes kept the diagnosis from older relatives to protect "
        "them, placing themselves between patient and clinician.",
        "25", "pc",
        { { "gatekeeping", 'r', "kaur2004",
            "Relatives control what patient and clinician exchange, as in "
            "Kaur et al., though the motive here is protection from bad news "
            "rather than shame." } } },
      { "Interpreters, privacy and respect", "136-137",
        "Interpreters from small local communities threatened confidentiality "
        "and relatives who interpreted filtered information, while small "
        "efforts by staff to use patients' language were valued.",
        "345", "ioc",
        { { "language", 'r', "kaur2004",
            "The same concept of language and being understood; it adds "
            "confidentiality as a cost of interpreters from one's own "
            "community." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "haq2007", { "Haq, N.", "Pritchard, E.", "Miah, A.", NULL }, 2007,
    "Families at the door: Bangladeshi service users, carers and community "
    "mental-health teams",
    ISMH, "9", "3", "201-214", NULL,
    ENGLAND, "Community mental-health teams in east London",
    "Bangladeshi service users with psychosis or severe depression, and family carers",
    "Psychosis and severe depression",
    "Interviews and two family group discussions, in Sylheti or English",
    "Constant comparative analysis", 18, MH, "Bangladeshi", 6, FALSE, "ta",
    NULL,
    "YYYYYYYCY",
    { [7] = "The analysis of the family discussions is described only briefly." },
    "High: shows families as both the route into care and a barrier to it.",
    {
      { "Bangladeshi man, 30s, community mental health service user", "204",
        "My father decides who comes to the house. If the team phones, he says "
        "I am sleeping." },
      { "Bangladeshi woman, 50s, mother and carer (in Sylheti)", "205",
        "First we took him to the imam, then to a healer for an amulet. The "
        "hospital was the last place." },
      { "Bangladeshi man, 20s, community mental health service user", "206",
        "The worker who came, she knew about Ramadan, she moved my injection "
        "time. A small thing, but it meant she understood us." },
      { "Bangladeshi woman, 40s, community mental health service user", "207",
        "They asked me about voices. I said it was jinn. She wrote it down like "
        "I was mad, she didn't ask what I meant." },
    },
    {
      { "Families as the first and last door", "204-205",
        "Families controlled contact between services and service users: they "
        "were the route in at times of crisis and a barrier at other times.",
        "1", "pc",
        { { "gatekeeping", 'r', "kaur2004",
            "A direct match: relatives decide whether services reach the "
            "person." } } },
      { "Faith healing before services", "205",
        "Religious and spiritual healing was usually sought first, and "
        "services were approached only when it had failed.",
        "2", "ic",
        { { "faith", 'r', "obi2005",
            "Faith frames illness and help-seeking, as in Obi and Hartley's "
            "'faith and fate'; here faith healing is an active route to "
            "help rather than acceptance." } } },
      { "Understanding us", "206-207",
        "Practitioners who knew something of religious practice and took "
        "spiritual explanations seriously were trusted; those who treated them "
        "as symptoms were not.",
        "34", "io",
        { { "whole-person", 'r', INDEX,
            "Being known together with one's faith is part of being known as "
            "a whole person." },
          { "othered", 'r', INDEX,
            "Having a spiritual explanation heard only as a symptom is a "
            "quieter form of being treated as other." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "mcdonagh2008", { "McDonagh, B.", "Lloyd, G.", NULL }, 2008,
    "'Our own way of dying': Gypsy and Traveller families and end-of-life "
    "cancer care in Wales",
    EJPS, "6", "1", "22-31", NULL,
    WALES, "Hospital, hospice and home palliative care in south and west Wales",
    "Romany Gypsy and Irish Traveller relatives of people who died of cancer, and two patients",
    "Advanced cancer; end-of-life care",
    "Interviews and participant observation over 14 months",
    "Ethnographic analysis", 19, CA, "Romany Gypsy; Irish Traveller", 7, FALSE, "rb",
    "The only study of Gypsy and Traveller families in palliative care in the set.",
    "YYYCYYYYY",
    { [3] = "Recruitment through a single liaison worker may have favoured "
            "families already in contact with services." },
    "High: unique population, long fieldwork and careful reflexive account.",
    {
      { "Irish Traveller woman, 40s, daughter", "24",
        "The whole family comes. Forty of us. The ward sister looked at us like "
        "we were going to rob the place." },
      { "Romany Gypsy man, 60s, husband", "25",
        "We don't say the word. You say 'the bad illness'. Say the word and "
        "you've brought it in." },
      { "Irish Traveller man, 30s, son", "26",
        "The Macmillan nurse came to the trailer, had a cup of tea with my mam, "
        "never once made us feel dirty. She was one of us by the end." },
      { "Romany Gypsy woman, 50s, living with cancer", "27",
        "They kept sending letters. We move about, the letters never came. Then "
        "they say we missed appointments." },
    },
    {
      { "Watched, not welcomed", "24",
        "Families experienced hospital staff as suspicious of, and hostile to, "
        "large family gatherings, and saw this as part of prejudice against "
        "Gypsies and Travellers.",
        "1", "ios",
        { { "othered", 'r', INDEX,
            "Being treated with suspicion as a group is the same othering, "
            "aimed here at families rather than individuals." } } },
      { "Not naming the illness", "25",
        "Cancer was rarely named, for fear that speaking of it would bring it "
        "on; this shaped every conversation with clinicians.",
        "2", "ic",
        { { "cancer-fear", 'r', "obi2005",
            "Cancer dreaded and unspoken, as in Obi and Hartley, with a "
            "distinctive belief about naming." } } },
      { "Becoming one of us", "26",
        "Palliative nurses who visited at home and accepted family customs "
        "came to be treated as part of the family.",
        "3", "ip",
        { { "family-like", 'r', INDEX,
            "A strong reciprocal: the practitioner is taken into the family." },
          { "warmth", 'r', INDEX,
            "Warmth shown through ordinary hospitality and the absence of "
            "judgement." } } },
      { "Systems built for the settled", "27",
        "Appointment systems that assumed a fixed address shut out families "
        "who travelled, who were then blamed for missing care.",
        "4", "os",
        { { "continuity", 'r', INDEX,
            "Care that does not hold together over time; the cause is the "
            "system rather than staff turnover, but the concept is the "
            "same." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "grant2009", { "Grant, D.", "Nwachukwu, I.", "Fraser, H.", NULL }, 2009,
    "Sectioned: African and Caribbean service users' narratives of compulsory detention",
    ISMH, "11", "1", "33-49", "10.0000/illustrative.09",
    ENGLAND, "Inpatient and community mental-health services in two English cities",
    "Black African and Black Caribbean adults detained under the Mental Health "
    "Act in the previous five years",
    "Psychosis; compulsory detention", "Narrative interviews",
    "Narrative analysis", 20, MH, "Black African; Black Caribbean", 8, FALSE, "ta",
    NULL,
    "YYYYYYYYY",
    { NULL },
    "High: detailed narratives linking detention, racism and later avoidance of services.",
    {
      { "Black Caribbean woman, 30s, detained twice", "36",
        "Once you've been sectioned, that's it. Every time you go to the GP "
        "it's there on the screen. You're the mad Black woman from then on." },
      { "Black African man, 40s, detained once", "38",
        "The police brought me. Handcuffs. I went in a patient and I felt like "
        "a criminal." },
      { "Black Caribbean man, 30s, detained three times", "40",
        "Now if I feel it coming I go to my cousin, I go to church. Anywhere "
        "but them." },
      { "Black African woman, 20s, detained once", "41",
        "One psychologist asked me what I wanted for my life. Nobody had asked "
        "me that before. I cried." },
    },
    {
      { "Criminalised care", "36-38",
        "Police involvement and restraint made detention feel like arrest, and "
        "participants connected this with how Black people are treated more "
        "widely.",
        "12", "ios",
        { { "coercion", 'r', INDEX,
            "Coercion lived rather than feared; the same concept as the index "
            "study's fear of force." },
          { "othered", 'r', INDEX,
            "Racialised treatment in detention: being handled as a criminal "
            "rather than a patient." } } },
      { "Avoiding the system", "39-40",
        "After detention, participants kept away from services and turned to "
        "family and church when unwell, which delayed help.",
        "3", "ic",
        { { "mistrust", 'r', INDEX,
            "Avoidance out of fear of what services will do: the mistrust "
            "concept, with detention as its source." } } },
      { "Asked about a future", "41",
        "Moments when a practitioner asked about hopes and plans were "
        "remembered as turning points.",
        "4", "ip",
        { { "whole-person", 'r', INDEX,
            "Being asked about life beyond the illness is being known as a "
            "whole person." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "patel2009", { "Patel, M.", "Greenwood, A.", NULL }, 2009,
    "Screening, modesty and the family: Gujarati women's views of breast and "
    "cervical screening",
    FJCC, "13", "3", "177-186", NULL,
    ENGLAND, "Primary care and screening services in Leicester",
    "Gujarati Indian women (Hindu and Muslim) aged 25 to 64",
    "Breast and cervical cancer screening",
    "Four focus groups and seven interviews, in Gujarati or English",
    "Framework analysis", 27, CA, "Indian (Gujarati)", 9, FALSE, "rb",
    NULL,
    "YYYYCCYYY",
    { [4] = "Why focus groups and interviews were combined, and how, is not explained.",
      [5] = "No reflexive account." },
    "Moderate: adds modesty and family encouragement; screening only.",
    {
      { "Gujarati Hindu woman, 40s", "179",
        "My husband said go, go, it is for your health. My daughters booked it "
        "for me. Without them I would not have gone." },
      { "Gujarati Muslim woman, 50s", "180",
        "If it is a lady doing the test, fine. A man, no. Nobody asked me what "
        "I prefer." },
      { "Gujarati Hindu woman, 30s", "181",
        "My aunty had cancer and we never talked about it. She just got thin "
        "and then she was gone." },
      { "Gujarati Muslim woman, 60s", "182",
        "The nurse spoke to me slowly and drew a picture. Then I understood. "
        "Before, I was only nodding." },
    },
    {
      { "Family encouragement", "179",
        "Husbands and daughters often encouraged and arranged screening, so "
        "that the family was a way into services rather than a barrier.",
        "1", "p",
        { { "gatekeeping", 'x', "kaur2004",
            "Here families open the door to screening instead of closing it. "
            "The team judged this a contradiction of 'family as gatekeepers' "
            "rather than a separate idea, and explains it by context: "
            "screening is preventive and carries little shame, whereas the "
            "gatekeeping in Kaur et al. concerned mental distress that "
            "threatened the family's honour." } } },
      { "Modesty and choice", "180",
        "Women wanted female practitioners for intimate examinations and were "
        "rarely offered the choice.",
        "2", "io",
        { { "whole-person", 'r', INDEX,
            "Respecting religious and personal modesty is part of recognising "
            "the whole person; a looser fit, noted as such." } } },
      { "Silence about cancer", "181",
        "Cancer was not spoken of in families, and relatives' deaths were "
        "remembered as unexplained decline.",
        "3", "pc",
        { { "cancer-fear", 'r', "obi2005",
            "Silence and dread around cancer, as in Obi and Hartley." } } },
      { "Explained so I could understand", "182",
        "Practitioners who took time to explain with simple words and pictures "
        "let women understand and take part.",
        "4", "ip",
        { { "language", 'r', "kaur2004",
            "Being understood across a language gap, here achieved by the "
            "practitioner's effort rather than a shared language." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "yusuf2010", { "Yusuf, H.", "Kerr, A.", "MacLeod, F.", NULL }, 2010,
    "Carrying it alone: asylum seekers' experiences of mental-health support "
    "in primary care in Glasgow",
    JIHR, "8", "1", "59-70", "10.0000/illustrative.10",
    SCOTLAND, "General practices and a refugee mental-health service in Glasgow",
    "Asylum seekers and refugees from Sudan, Eritrea, Iran, Iraq and Afghanistan",
    "Trauma, depression and anxiety", "Interviews with professional interpreters",
    "Interpretative phenomenological analysis", 15, MH,
    "Asylum seekers and refugees", 10, FALSE, "ta",
    NULL,
    "YYYYYYCYY",
    { [6] = "Consent through interpreters is described, but not how distress "
            "during interviews was handled." },
    "High: the asylum context; strong on interpreters and fear of the authorities.",
    {
      { "asylum seeker from Sudan, man, 30s", "61",
        "I think the doctor talks to the Home Office. Why else so many "
        "questions? So I say I am fine." },
      { "refugee from Eritrea, woman, 20s", "62",
        "The interpreter was a man from my country. How can I say what "
        "happened to me in front of him?" },
      { "refugee from Iran, man, 40s", "63",
        "The counsellor remembered my daughter's name. Every week she asked "
        "about her. I felt I was not only a refugee, I was a father." },
      { "asylum seeker from Afghanistan, man, 20s", "64",
        "Three different interpreters, three different stories. Each time I "
        "start again." },
      { "refugee from Iraq, woman, 50s", "65",
        "The GP listened. Really listened, with her eyes. She did not look at "
        "the computer." },
    },
    {
      { "Suspicion of the state", "61",
        "Asylum seekers feared that health services passed information to the "
        "immigration authorities, so they kept their distress to themselves.",
        "1", "ios",
        { { "mistrust", 'r', INDEX,
            "Withholding out of fear of what services will do, as in the index "
            "study; the fear is tied here to immigration status." } } },
      { "The interpreter in the room", "62-64",
        "Interpreters of the same nationality or gender could silence "
        "disclosure of trauma, and each change of interpreter broke the thread.",
        "24", "io",
        { { "language", 'r', "lam2006",
            "Interpreters who threaten disclosure, as in Lam et al." },
          { "continuity", 'r', INDEX,
            "Retelling to each new interpreter parallels retelling to each new "
            "care coordinator in the index study." } } },
      { "A person, not a case", "63-65",
        "Practitioners who remembered personal details and gave their full "
        "attention restored a sense of self that the asylum process had "
        "stripped away.",
        "35", "ip",
        { { "whole-person", 'r', INDEX,
            "Being known as a father rather than 'a refugee' is being known as "
            "a whole person." },
          { "listened", 'r', INDEX,
            "Attention without the screen in the way, as in the index study's "
            "contrast with the tick-box assessment." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "brown2011", { "Brown, L.", "Akintola, O.", "Steadman, J.", NULL }, 2011,
    "Men like us: Black Caribbean men talking about prostate cancer",
    FJCC, "15", "2", "88-99", NULL,
    "United Kingdom (England)",
    "Urology and oncology clinics and community groups in Birmingham and London",
    "Black Caribbean men aged 45 to 80, with and without a prostate cancer diagnosis",
    "Prostate cancer", "Fourteen interviews and two focus groups",
    "Thematic analysis", 24, CA, "Black Caribbean", 11, FALSE, "rb",
    NULL,
    "YYYCYCYYY",
    { [3] = "Men were recruited through churches and barbershops; what this "
            "means for the findings is not discussed.",
      [5] = "The interviewer was matched on ethnicity; the effect is not discussed." },
    "Moderate: masculinity and fear are well drawn; some quotes lack speaker details.",
    {
      { "Black Caribbean man, 60s, prostate cancer", "90",
        "The finger test, no. A man doesn't let another man do that. We joke "
        "about it, but it's why men die." },
      { "Black Caribbean man, 50s, no diagnosis, focus group", "91",
        "They've tested things on us for years. You think I trust them to tell "
        "me the truth?" },
      { "Black Caribbean man, 70s, prostate cancer", "92",
        "My consultant, I've had him nine years now. He knows my wife, he asks "
        "after my grandson. I'd trust that man with anything." },
      { "Black Caribbean man, 60s, prostate cancer", "93",
        "Pastor prayed with me before the operation. The surgeon came and stood "
        "with us while he prayed. I'll never forget that." },
      { "Black Caribbean man, 40s, brother of a man with prostate cancer", "94",
        "My brother didn't tell anyone till it was too late. Pride. Being ill "
        "down there, it's seen as weakness." },
    },
    {
      { "Distrust rooted in history", "91",
        "Men's distrust of medicine drew on knowledge of past abuses of Black "
        "people in research and on everyday racism.",
        "2", "cs",
        { { "mistrust", 'r', INDEX,
            "Mistrust with a collective, historical root rather than personal "
            "experience of services; the same concept." } } },
      { "Masculinity, shame and silence", "90, 94",
        "Examination and illness 'down there' threatened men's sense of "
        "themselves as men, so they delayed and kept diagnoses secret.",
        "15", "ic",
        { { "stigma", 'r', "ashworth2003",
            "Shame and concealment, tied here to masculinity." },
          { "cancer-fear", 'r', "obi2005",
            "Delay driven by dread of cancer and of its treatment." } } },
      { "A consultant who knows my family", "92-93",
        "Long relationships with clinicians who knew their families and "
        "respected their faith built deep trust.",
        "34", "ip",
        { { "continuity", 'r', INDEX,
            "Trust built over years with one clinician." },
          { "family-like", 'r', INDEX,
            "The clinician woven into family life." },
          { "faith", 'r', "obi2005",
            "Faith honoured by the surgeon; faith as a resource in illness." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "rahman2012", { "Rahman, S.", "Doherty, C.", "Iqbal, Z.", NULL }, 2012,
    "'They don't see the whole picture': Pakistani men, their families and "
    "early intervention in psychosis",
    ISMH, "14", "4", "301-315", "10.0000/illustrative.12",
    ENGLAND, "Early intervention in psychosis services in West Yorkshire",
    "Pakistani men aged 18 to 35 with first-episode psychosis, and relatives",
    "First-episode psychosis", "Interviews with 12 men and 8 relatives",
    "Grounded theory", 20, MH, "Pakistani", 12, FALSE, "ta",
    NULL,
    "YYYYYYYYC",
    { [8] = "Men's and relatives' findings are sometimes merged, so it is hard "
            "to tell whose view is reported." },
    "High: strong on family, faith and how the team engaged young men.",
    {
      { "Pakistani man, 20s, first-episode psychosis", "304",
        "My care coordinator plays football with me on Thursdays. Sounds "
        "stupid, but that's when I actually talk." },
      { "Pakistani man, 50s, father of a service user", "305",
        "They wanted to talk only to my son, 'confidentiality'. I am his "
        "father. I am the one who sits with him at three in the morning." },
      { "Pakistani man, 20s, first-episode psychosis", "306",
        "Some people at the mosque said it's because I stopped praying. That "
        "made it worse, honestly. Like it was my fault." },
      { "Pakistani woman, 40s, mother of a service user", "307",
        "When the worker came and ate with us, my husband relaxed. He saw she "
        "was not against us." },
    },
    {
      { "Engagement through ordinary activity", "304",
        "Informal shared activities created relaxed contact in which young men "
        "could talk.",
        "1", "ip",
        { { "warmth", 'r', INDEX,
            "Warmth in ordinary, shared activity rather than the clinic." },
          { "listened", 'r', INDEX,
            "Young men talked when they felt heard on their own terms." } } },
      { "Families shut out", "305-307",
        "Relatives felt excluded by confidentiality rules although they gave "
        "most of the day-to-day care; workers who included them won the "
        "family's trust.",
        "24", "po",
        { { "gatekeeping", 'r', "haq2007",
            "The concept turned round: services keep the gate against "
            "families. Kept as reciprocal because in both accounts the "
            "family-service boundary controls access; see memo." } } },
      { "Faith as blame", "306",
        "Religious explanations sometimes blamed the young man for lapses in "
        "practice, adding guilt to illness.",
        "3", "ic",
        { { "stigma", 'r', "kaur2004",
            "Shame laid on the person through community explanations of "
            "illness." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "nwosu2012", { "Nwosu, E.", "Palmer, R.", NULL }, 2012,
    "Living with breast cancer as a Black African woman in London",
    EQHR, "3", "2", "112-124", NULL,
    ENGLAND, "Breast cancer outpatient clinics in two London hospitals",
    "Black African women (Nigerian, Zimbabwean, Congolese) aged 32 to 66 after "
    "treatment for breast cancer",
    "Breast cancer", "Narrative interviews",
    "Thematic narrative analysis", 18, CA, "Black African", 13, FALSE, "rb",
    NULL,
    "YYYYYCYYY",
    { [5] = "A short statement of the interviewer's background, with no "
            "reflection on its influence." },
    "High: strong on faith, secrecy and the value of one nurse.",
    {
      { "Nigerian woman, 40s, breast cancer", "114",
        "I told only my husband and my pastor. In our community, cancer means "
        "you did something, or somebody did something to you." },
      { "Zimbabwean woman, 50s, breast cancer", "115",
        "My breast care nurse gave me her direct number. I called at all hours. "
        "She never made me feel a nuisance." },
      { "Congolese woman, 30s, breast cancer (in French)", "116",
        "Prayer kept me alive. The doctors did their part and God did the rest. "
        "The nurse said, keep praying and keep coming, and I liked her for that." },
      { "Nigerian woman, 60s, breast cancer", "117",
        "The wig they gave me was for a white woman. Straight hair. I looked "
        "in the mirror and laughed, and then I cried." },
      { "Zimbabwean woman, 40s, breast cancer", "118",
        "At the clinic you see a different doctor every time. Only the nurse "
        "stays the same." },
    },
    {
      { "Secrecy and suspicion", "114",
        "Cancer carried suspicions of wrongdoing or witchcraft, so women told "
        "only a few people.",
        "1", "ic",
        { { "stigma", 'r', "ashworth2003",
            "Concealment because of blame; stigma reaches here from mental "
            "illness to cancer." } } },
      { "Faith alongside treatment", "116",
        "Women held faith and treatment together and valued practitioners who "
        "respected prayer.",
        "3", "ic",
        { { "faith", 'r', "obi2005",
            "Faith as a frame for illness, held with treatment rather than in "
            "place of it." } } },
      { "The nurse who stays", "115-118",
        "The specialist nurse was the one constant among changing doctors and "
        "offered warmth and availability.",
        "25", "ipo",
        { { "continuity", 'r', INDEX,
            "One practitioner who stays, as in the index study." },
          { "warmth", 'r', INDEX,
            "Availability without making the patient feel a nuisance." } } },
      { "Care designed for someone else", "117",
        "Products and information assumed white bodies, telling women that the "
        "service had not been made with them in mind.",
        "4", "os",
        { { "othered", 'r', INDEX,
            "A quieter othering, through services designed around white "
            "patients." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "chen2013", { "Chen, X.", "Whitaker, J.", "Ho, M.", NULL }, 2013,
    "Face, family and feeling: Chinese people's experiences of mental-health "
    "services in England",
    JIHR, "11", "2", "140-153", NULL,
    ENGLAND,
    "Community mental-health services and a Chinese community mental-health "
    "project in London and Manchester",
    "Chinese adults (Cantonese- and Mandarin-speaking, and UK-born) using "
    "mental-health services",
    "Depression, anxiety and psychosis",
    "Interviews in Cantonese, Mandarin or English",
    "Thematic analysis", 17, MH, "Chinese", 14, FALSE, "ta",
    NULL,
    "YYYCYCYYY",
    { [3] = "Most participants came through one community project; people "
            "using only NHS services are under-represented.",
      [5] = "Not reported." },
    "Moderate: adds 'face' and the role of community projects.",
    {
      { "Chinese man, 30s, UK-born, depression", "143",
        "Losing face is the worst thing. My parents would rather I suffered "
        "quietly than let the uncles know." },
      { "Chinese woman, 50s, psychosis (in Cantonese)", "144",
        "At the Chinese project the worker speaks Cantonese and she knows what "
        "it is like in the takeaway, the long hours. I don't have to explain "
        "everything." },
      { "Chinese woman, 40s, anxiety (in Mandarin)", "145",
        "The doctor only talked about medicine. I wanted to talk about my "
        "feelings, but I did not have the words in English." },
      { "Chinese man, 60s, depression (in Cantonese)", "146",
        "My wife calls the worker 'little sister'. After three years she is "
        "like family to us." },
    },
    {
      { "Saving face", "143",
        "Concern for the family's face kept mental illness hidden and delayed "
        "help-seeking.",
        "1", "pc",
        { { "stigma", 'r', "kaur2004",
            "Face is close to the family honour in Kaur et al.: illness hidden "
            "to protect the family's standing." } } },
      { "Understood without explaining", "144-145",
        "A shared language and knowledge of participants' working lives meant "
        "they did not have to explain themselves; without these, feelings "
        "could not be put into words.",
        "23", "ioc",
        { { "language", 'r', "kaur2004",
            "Emotional pain that can only be spoken in one's first language, "
            "as in Kaur et al." },
          { "whole-person", 'r', INDEX,
            "Being known in one's working life, not only one's symptoms." } } },
      { "Workers as kin", "146",
        "Long-term community workers were given kinship titles and became part "
        "of family life.",
        "4", "ip",
        { { "family-like", 'r', INDEX,
            "A kinship title for a worker: the clearest reciprocal of the "
            "index study's concept outside African and Caribbean "
            "participants." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    INDEX, { "Okonkwo-Reid, A.", "Farrant, L.", "Chaudhry, S.", "Blake, M.", NULL }, 2014,
    "Being heard and being held: how racially minoritised adults describe "
    "their relationships with community mental-health practitioners",
    JIHR, "12", "3", "211-229", "10.0000/illustrative.14",
    ENGLAND, "Community mental-health teams in two inner-city NHS trusts",
    "Adults of Black Caribbean, Black African, South Asian and mixed heritage "
    "using secondary mental-health services",
    "Severe and enduring mental illness (psychosis, bipolar disorder, severe depression)",
    "In-depth interviews, most repeated after six months",
    "Constructivist grounded theory", 36, MH,
    "Black Caribbean; Black African; Pakistani; Indian; mixed heritage",
    1, TRUE, "rb",
    "Chosen as the index study: the most conceptually developed account of "
    "the relationship itself, and the only study with repeat interviews.",
    "YYYYYYYYY",
    { NULL },
    "High: a rich, theorised account of what makes a relationship with "
    "services feel safe; likely to transfer to other services.",
    {
      { "Black Caribbean man, 40s, community mental health service user", "214",
        "The first one I had, she'd sit there with the form, ticking boxes. "
        "She never looked up. I could've said anything and she'd still be "
        "ticking." },
      { "Pakistani woman, 30s, community mental health service user", "215",
        "When the doctor asked about my children, my mother, how I was "
        "sleeping, not just the tablets, I thought, okay, she wants to know "
        "me. That's when I started telling her things." },
      { "Black African woman, 50s, community mental health service user", "216",
        "My care coordinator is like my sister now. I know that sounds funny "
        "to say about a nurse. But she's seen me at my worst and she still "
        "comes, she still smiles." },
      { "mixed-heritage man, 20s, community mental health service user", "216",
        "Honestly, they became family to me. When my mum passed it was my "
        "nurse who sat with me. Who else was going to?" },
      { "Indian man, 60s, community mental health service user", "218",
        "It is a small thing, a cup of tea, asking how was your journey. But "
        "small things tell you whether you are a person to them or a case." },
      { "Black Caribbean woman, 40s, community mental health service user", "219",
        "You walk in and you can feel it. They've read your file, they've read "
        "'aggressive' and they've decided. I've never hit anybody in my life." },
      { "Black African man, 30s, community mental health service user", "220",
        "I don't tell them everything. You tell them too much, next thing the "
        "police are at your door and you're on a ward." },
      { "Black Caribbean man, 50s, community mental health service user", "221",
        "Every six months a new face. You tell the whole story again from the "
        "start, and by the time they know you, they've gone." },
    },
    {
      { "Being heard", "214-215",
        "Participants judged practitioners first by whether they listened. "
        "Attention that went beyond the assessment form was read as a sign of "
        "care, and participants linked listening, more than any treatment, "
        "with getting better.",
        "12", "ip",
        { { "listened", 'f', NULL, NULL } } },
      { "Warmth as the measure of care", "216-217",
        "Warmth showed in small, ordinary gestures rather than clinical skill, "
        "and participants used it to decide whether a practitioner could be "
        "trusted. Warm practitioners who stayed over years were described in "
        "the language of kinship.",
        "345", "ip",
        { { "warmth", 'f', NULL, NULL },
          { "family-like", 'f', NULL, NULL } } },
      { "Known beyond the diagnosis", "217-218",
        "Participants wanted to be known as people with histories, families "
        "and faith rather than as a diagnosis; being known in this way made it "
        "possible to talk about what mattered most for recovery.",
        "25", "ip",
        { { "whole-person", 'f', NULL, NULL } } },
      { "Guarded encounters", "219-220",
        "Many participants came to services expecting to be judged through "
        "racial stereotypes, above all of dangerousness. They coped by saying "
        "little, which practitioners could read as lack of insight, so that "
        "mistrust fed on itself.",
        "67", "ios",
        { { "othered", 'f', NULL, NULL },
          { "mistrust", 'f', NULL, NULL },
          { "coercion", 'f', NULL, NULL } } },
      { "Starting again", "221",
        "Frequent changes of care coordinator forced people to retell painful "
        "histories and undid slowly built trust; continuity was valued as the "
        "condition for being known.",
        "8", "o",
        { { "continuity", 'f', NULL, NULL } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "evans2014", { "Evans, R.", "Bibi, S.", "Jenkins, T.", NULL }, 2014,
    "'We look after our own': Pakistani and Bangladeshi families and hospice "
    "care in south Wales",
    EJPS, "12", "2", "71-83", "10.0000/illustrative.15",
    WALES, "Two hospices and community palliative care in Cardiff and Newport",
    "Pakistani and Bangladeshi patients with advanced cancer, and family carers",
    "Advanced cancer; palliative care", "Interviews, some in Urdu or Sylheti",
    "Interpretative phenomenological analysis", 15, CA, "Pakistani; Bangladeshi",
    15, FALSE, "rb",
    NULL,
    "YYYYYYYYY",
    { NULL },
    "High: detailed on family duty, faith at the end of life and how the "
    "hospice responded.",
    {
      { "Pakistani woman, 40s, daughter-in-law and carer", "73",
        "If we put her in a hospice, people would say we threw her away. It is "
        "our duty to look after her." },
      { "Bangladeshi man, 60s, advanced cancer (in Sylheti)", "75",
        "The hospice gave me a room to pray, facing the right way. They asked "
        "the imam to come. After that I was not afraid of the place." },
      { "Pakistani man, 30s, son and carer", "76",
        "The doctor wanted to tell my father everything. We asked him to talk "
        "to us first. He listened to our reasons and we found a way together." },
      { "Bangladeshi woman, 50s, wife and carer", "77",
        "The nurses learned our names, my children's names. At the end they "
        "cried with us." },
    },
    {
      { "Duty and the hospice", "73-74",
        "Caring at home was a family and religious duty, and using a hospice "
        "risked the community's judgement.",
        "1", "pc",
        { { "stigma", 'r', "ashworth2003",
            "Community judgement as a barrier; a looser fit, since the shame "
            "is about failing in duty rather than about the illness." },
          { "gatekeeping", 'r', "kaur2004",
            "The family decides whether services come in." } } },
      { "Room for faith", "75",
        "Space for prayer and visits from religious leaders made the hospice "
        "acceptable and eased fear.",
        "2", "io",
        { { "faith", 'r', "haq2007",
            "Faith decides whether care is acceptable, as in Haq et al." } } },
      { "Negotiating disclosure", "76",
        "Clinicians who listened to families' reasons could agree with them "
        "how and when patients were told, avoiding conflict.",
        "3", "po",
        { { "listened", 'r', INDEX,
            "Listening extended to the family's reasons." },
          { "gatekeeping", 'r', "lam2006",
            "Families managing what the patient is told, as in Lam et al., "
            "here negotiated rather than imposed." } } },
      { "Grieving with us", "77",
        "Staff who knew the family and showed their feelings were experienced "
        "as sharing the family's loss.",
        "4", "ip",
        { { "family-like", 'r', "mcdonagh2008",
            "Nurses who share the family's grief, like 'one of us' in "
            "McDonagh and Lloyd." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "adebayo2015", { "Adebayo, F.", "Harrington, C.", NULL }, 2015,
    "Strong women don't cry: Black African mothers and perinatal mental health",
    ISMH, "17", "2", "95-108", NULL,
    ENGLAND,
    "Perinatal mental-health services, health visiting and maternity care in "
    "south-east England",
    "Black African women (Nigerian, Ghanaian, Sierra Leonean) with perinatal "
    "depression or anxiety",
    "Perinatal depression and anxiety", "Semi-structured interviews",
    "Thematic analysis", 16, MH, "Black African", 16, FALSE, "ta",
    NULL,
    "YYYYYCYCY",
    { [5] = "Not reported.",
      [7] = "Coding is described, but not how the themes were checked." },
    "Moderate: new on motherhood, fear of social services and the ideal of the strong woman.",
    {
      { "Nigerian woman, 30s, mother of two", "97",
        "If you say you're depressed, they'll think you can't look after the "
        "baby. Social services will come. So you smile." },
      { "Ghanaian woman, 20s, first baby", "98",
        "Where I come from, women are strong. You don't cry. My mum said, pray "
        "and get up." },
      { "Sierra Leonean woman, 30s, mother of three", "99",
        "The health visitor sat on my floor with me. She held the baby so I "
        "could eat. She said, you're doing well. I told her then." },
      { "Nigerian woman, 40s, mother of four", "100",
        "They asked if my husband hits me, with him sitting right there. What "
        "was I supposed to say?" },
    },
    {
      { "Fear of losing the baby", "97",
        "Mothers hid distress for fear that telling would bring child-"
        "protection services.",
        "1", "ios",
        { { "mistrust", 'r', INDEX,
            "Withholding for fear of what services will do; fear of child "
            "removal is the perinatal form of the index study's fear of the "
            "police." } } },
      { "The strong woman", "98",
        "Cultural ideals of strength, and faith-based urging to endure, left "
        "little room to name distress.",
        "2", "ic",
        { { "stigma", 'r', "ashworth2003",
            "Distress hidden because naming it is shameful." },
          { "faith", 'r', "obi2005",
            "Faith used to urge endurance, close to 'faith and fate'." } } },
      { "Kindness that opens the door", "99",
        "Small practical kindnesses from health visitors made it possible for "
        "women to tell them how they felt.",
        "3", "ip",
        { { "warmth", 'r', INDEX,
            "Warmth that enables disclosure: a close match." } } },
      { "Asked the wrong way", "100",
        "Routine screening questions asked without privacy or care silenced "
        "women.",
        "4", "o",
        { { "listened", 'r', INDEX,
            "Form-driven questioning as the opposite of listening, like the "
            "box-ticking in the index study." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "singh2016", { "Singh, A.", "Crowther, P.", "Mahmood, N.", NULL }, 2016,
    "Lost in translation? South Asian patients' experiences of chemotherapy",
    FJCC, "20", "4", "210-221", "10.0000/illustrative.16",
    ENGLAND,
    "Chemotherapy day units in three hospitals in the Midlands and the north of England",
    "Indian and Pakistani adults receiving chemotherapy who speak little English",
    "Bowel, breast and lung cancer under chemotherapy",
    "Interviews with professional interpreters",
    "Framework analysis", 21, CA, "Indian; Pakistani", 17, FALSE, "rb",
    NULL,
    "YYYYYCYYY",
    { [5] = "Not discussed." },
    "Moderate to high: detailed on interpreting in everyday treatment.",
    {
      { "Pakistani man, 60s, bowel cancer (in Urdu)", "213",
        "For the big talk they bring an interpreter. But every day on the "
        "unit, nobody. I point and I smile." },
      { "Indian woman, 50s, breast cancer (in Punjabi)", "214",
        "My grandson explained the side effects. He is fourteen. He was more "
        "scared than me." },
      { "Indian man, 70s, lung cancer (in Gujarati)", "215",
        "One nurse always came to me first. She made signs with me, we laughed. "
        "That nurse I will remember till I die." },
      { "Pakistani woman, 40s, breast cancer (in Urdu)", "216",
        "I thought the chemo was to finish me quickly because nothing could be "
        "done. Nobody told me it was to make the lump small." },
    },
    {
      { "Interpreters for the big moments only", "213-214",
        "Interpreters were booked for consultations but not for daily care, so "
        "relatives, children among them, did the interpreting.",
        "12", "io",
        { { "language", 'r', "kaur2004",
            "The same concept, carried into everyday treatment." } } },
      { "Warmth without words", "215",
        "Nurses who conveyed warmth through gesture and humour got past the "
        "language barrier.",
        "3", "ip",
        { { "warmth", 'r', INDEX,
            "Warmth that does not depend on a shared language." } } },
      { "Misunderstanding breeds dread", "216",
        "Without explanation, treatment itself was read in fearful ways.",
        "4", "io",
        { { "cancer-fear", 'r', "obi2005",
            "Dread of cancer made worse by not understanding the treatment." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "boateng2016", { "Boateng, K.", "Sheridan, M.", "Lewis-Grant, D.", NULL }, 2016,
    "Nowhere safe to go: young Black men's experiences of mental-health crisis care",
    ISMH, "18", "3", "250-263", NULL,
    ENGLAND, "Crisis teams, emergency department liaison and place-of-safety suites in London",
    "Black African, Black Caribbean and mixed-heritage men aged 18 to 30",
    "Mental-health crisis",
    "Two focus groups and nine interviews, co-facilitated by a peer researcher",
    "Thematic analysis", 15, MH, "Black African; Black Caribbean; mixed heritage",
    18, FALSE, "ta",
    NULL,
    "YYYYYYYYY",
    { NULL },
    "High: peer-led; clear on crisis pathways and the police.",
    {
      { "mixed-heritage man, 20s, crisis team service user", "252",
        "Crisis, for a young Black man, means police. Doesn't matter if you "
        "called for help yourself. You're the threat." },
      { "Black Caribbean man, 20s, crisis team service user", "253",
        "In A&E they talked to the officer, not to me. Like I wasn't even in "
        "the room." },
      { "Black African man, 18, crisis team service user", "255",
        "The peer worker had been through it. He didn't write anything down at "
        "first, just talked. First time I felt like someone got it." },
      { "Black Caribbean man, 20s, crisis team service user", "256",
        "My mum's church people said it's a spiritual attack. The doctor said "
        "psychosis. Nobody let me just be confused." },
    },
    {
      { "Seen as a threat", "252-253",
        "Crisis care reached young men through the police, and staff addressed "
        "the officers rather than them.",
        "12", "ios",
        { { "othered", 'r', "grant2009",
            "Treated as a criminal in crisis, close to Grant et al.'s "
            "'criminalised care'." },
          { "mistrust", 'r', INDEX,
            "Crisis experiences that teach young men to stay away." } } },
      { "Someone who gets it", "255",
        "Peer workers with lived experience listened without an agenda and "
        "were trusted quickly.",
        "3", "ip",
        { { "listened", 'r', INDEX,
            "Listening without the form, as in the index study." } } },
      { "Competing explanations", "256",
        "Young men were caught between spiritual and psychiatric explanations "
        "offered by family, church and clinicians.",
        "4", "pc",
        { { "faith", 'r', "haq2007",
            "Spiritual and psychiatric explanations side by side, as in Haq "
            "et al." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "ward2017", { "Ward, S.", "Connors, M.", "Reid, K.", NULL }, 2017,
    "Trusted women: a peer-led study of Gypsy and Traveller women and breast "
    "screening in Scotland",
    EQHR, "8", "1", "30-42", NULL,
    SCOTLAND, "Breast screening services and Traveller sites in central Scotland",
    "Scottish Gypsy/Traveller and Irish Traveller women aged 40 to 70",
    "Breast cancer screening", "Five peer-led focus groups",
    "Thematic analysis", 24, CA, "Scottish Gypsy/Traveller; Irish Traveller",
    19, FALSE, "rb",
    NULL,
    "YYYYYCYCY",
    { [5] = "The peer researchers' role is described but not reflected on.",
      [7] = "Little detail on how the analysis was done." },
    "Moderate: a distinctive population; screening only.",
    {
      { "Scottish Traveller woman, 50s, focus group 1", "33",
        "The letters go to the site office and half the time they get lost. "
        "Then you're down as a did-not-attend." },
      { "Irish Traveller woman, 40s, focus group 3", "34",
        "You don't talk about women's things in front of the men. And cancer, "
        "you don't say it at all." },
      { "Scottish Traveller woman, 60s, focus group 2", "35",
        "The wee nurse on the health bus, she knows us all, she knew my "
        "mother. I'd go to her for anything." },
      { "Irish Traveller woman, 50s, focus group 4", "36",
        "At the hospital they look at your address and they've made their "
        "minds up about you." },
    },
    {
      { "Invisible and judged", "33, 36",
        "Postal invitations and records assumed a settled address, so women "
        "were recorded as non-attenders, and once identified as Travellers "
        "they felt judged.",
        "14", "os",
        { { "othered", 'r', "mcdonagh2008",
            "Systems built for settled people and prejudice against "
            "Travellers, as in McDonagh and Lloyd." } } },
      { "Unspoken cancer", "34",
        "Cancer and women's health were not talked about, least of all in "
        "front of men.",
        "2", "pc",
        { { "cancer-fear", 'r', "mcdonagh2008",
            "Not naming cancer, as in McDonagh and Lloyd." } } },
      { "The nurse who knows us", "35",
        "A long-serving outreach nurse who knew families across generations "
        "was trusted and was the main route to screening.",
        "3", "ipo",
        { { "continuity", 'r', INDEX,
            "Trust built over generations with one nurse." },
          { "family-like", 'r', "mcdonagh2008",
            "A nurse who belongs to the community's family networks." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "malik2017", { "Malik, R.", "Ellison, K.", "Ali, F.", NULL }, 2017,
    "Between the mosque and the clinic: Muslim women, faith and help-seeking "
    "for mental distress",
    JIHR, "15", "3", "199-212", "10.0000/illustrative.17",
    ENGLAND,
    "Primary care, talking-therapy services and community settings in Greater "
    "Manchester and Lancashire",
    "Pakistani and Bangladeshi Muslim women aged 18 to 60",
    "Depression and anxiety", "Semi-structured interviews",
    "Thematic analysis", 20, MH, "Pakistani; Bangladeshi", 20, FALSE, "ta",
    "The clearest challenge in the set to the assumption that faith "
    "communities support help-seeking.",
    "YYYYYYYYY",
    { NULL },
    "High: well reported, and it challenges an assumption shared by several other studies.",
    {
      { "Pakistani woman, 20s, depression", "202",
        "Aunties at the mosque said if my faith was strong I wouldn't be "
        "depressed. So now I'm depressed and a bad Muslim." },
      { "Bangladeshi woman, 30s, anxiety", "203",
        "Prayer helps me, yes. But I couldn't tell anyone at the mosque I was "
        "seeing a counsellor. It would go round by Friday." },
      { "Pakistani woman, 40s, depression", "204",
        "My therapist asked what my faith means to me. She wasn't Muslim, but "
        "she didn't treat it like a symptom. That's when it started to help." },
    },
    {
      { "The faith community as judge", "202-203",
        "For some women the faith community was a source of judgement and "
        "gossip that deepened shame and pushed help-seeking into secrecy.",
        "12", "ic",
        { { "faith", 'x', "haq2007",
            "Refutes the picture of faith as comfort and a route to help in "
            "Haq et al. and Evans et al.: here the faith community polices "
            "distress. The team keeps both. Personal faith was still a "
            "resource for these women, but the community around it could "
            "stigmatise; whether faith helps depends on who holds religious "
            "authority in a woman's life." },
          { "stigma", 'r', "kaur2004",
            "Shame carried by community gossip, as with family honour in "
            "Kaur et al." } } },
      { "Faith respected in therapy", "204",
        "Therapists who explored what faith meant to women, without treating "
        "it as pathology, gained their trust.",
        "3", "ip",
        { { "whole-person", 'r', "haq2007",
            "Faith recognised as part of the person; matches Haq et al.'s "
            "'understanding us'." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "thompson2018", { "Thompson, J.", "Agyeman, P.", "Laird, C.", NULL }, 2018,
    "More than a patient: Black women's experiences of breast cancer care",
    EQHR, "9", "4", "301-315", NULL,
    ENGLAND, "Breast cancer services in London, Birmingham and Leeds",
    "Black Caribbean, Black African and Black British women aged 29 to 71",
    "Breast cancer", "Semi-structured interviews",
    "Interpretative phenomenological analysis", 22, CA,
    "Black Caribbean; Black African; Black British", 21, FALSE, "rb",
    NULL,
    "YYCYYYYYY",
    { [2] = "Twenty-two participants is large for this method, and the authors "
            "do not say why." },
    "High: on the body, on hair and on being seen as a person.",
    {
      { "Black British woman, 30s, breast cancer", "304",
        "Nobody could tell me how to look after my scalp. They'd never had to "
        "think about hair like mine." },
      { "Black Caribbean woman, 50s, breast cancer", "305",
        "The registrar said I had a high pain threshold. I was screaming "
        "inside. They don't believe our pain." },
      { "Black African woman, 40s, breast cancer", "306",
        "My oncologist asked about my work, my kids, my church. She saw me, "
        "not the tumour." },
      { "Black Caribbean woman, 60s, breast cancer", "307",
        "After the reconstruction there was nothing for skin like mine. The "
        "pictures in the leaflet, all white women." },
      { "Black British woman, 20s, breast cancer", "308",
        "I had to fight to be referred. The GP said I was too young and it was "
        "probably nothing. Would he have said that to a white girl?" },
    },
    {
      { "Pain not believed", "305, 308",
        "Women felt their pain and symptoms were disbelieved and linked this to "
        "racial stereotypes.",
        "25", "ios",
        { { "othered", 'r', INDEX,
            "Racial stereotyping that shapes how staff respond." },
          { "listened", 'r', INDEX,
            "Not being believed is a failure of listening." } } },
      { "Bodies services did not expect", "304, 307",
        "Treatment and information took no account of Black women's hair, skin "
        "and bodies, leaving them to find their own solutions.",
        "14", "os",
        { { NULL, 0, NULL, NULL } } },
      { "Seen, not the tumour", "306",
        "An oncologist's interest in family, work and faith made women feel "
        "known.",
        "3", "ip",
        { { "whole-person", 'r', INDEX,
            "A close match to 'known beyond the diagnosis'." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "zhou2018", { "Zhou, L.", "Drummond, S.", "Wong, K.", NULL }, 2018,
    "Caring together: Chinese families and palliative cancer care in Scotland",
    EJPS, "16", "3", "140-151", "10.0000/illustrative.18",
    SCOTLAND,
    "Hospital palliative care teams and community nursing in Edinburgh and Glasgow",
    "Chinese family carers (Cantonese and Mandarin speakers) of people with advanced cancer",
    "Advanced cancer; palliative care",
    "Interviews in Cantonese, Mandarin or English",
    "Thematic analysis", 14, CA, "Chinese", 22, FALSE, "ta",
    NULL,
    "YYYCYCYYY",
    { [3] = "Bereaved and current carers are mixed without comment.",
      [5] = "Not discussed." },
    "Moderate: a useful counter-case on the part families play.",
    {
      { "Chinese woman, 40s, daughter and carer (in Cantonese)", "143",
        "We are the ones who know what Mother wants. The nurses learned to ask "
        "us, and we made the plan together." },
      { "Chinese man, 50s, son and carer (in Mandarin)", "144",
        "Here they say the patient must decide. In our family we decide "
        "together. It is not stopping her, it is holding her." },
      { "Chinese woman, 30s, granddaughter and carer", "145",
        "The palliative nurse sat with all of us, three generations, and "
        "explained slowly. Grandma trusted her because we trusted her." },
      { "Chinese woman, 60s, wife and carer (in Cantonese)", "146",
        "A different nurse every visit. I had to show each one where "
        "everything was." },
    },
    {
      { "Family as partners, not barriers", "143-144",
        "Families saw deciding together as care rather than control, and where "
        "professionals worked with them, families made communication easier.",
        "12", "p",
        { { "gatekeeping", 'x', "lam2006",
            "Contradicts Lam et al. and Kaur et al.: these Chinese families "
            "describe deciding together as support, and staff who worked with "
            "them found that families made care easier. The team explains the "
            "difference by setting and stance: at home, near the end of life "
            "and with staff who treated families as partners, the collective "
            "decision-making that looks like gatekeeping from the clinic "
            "becomes a bridge." } } },
      { "Trust passed through the family", "145",
        "Trust in a practitioner spread through the family from those who had "
        "met her.",
        "3", "p",
        { { "family-like", 'r', INDEX,
            "The practitioner is taken into the family circle." } } },
      { "Too many faces", "146",
        "Changing community nurses burdened carers with explaining again and "
        "again.",
        "4", "o",
        { { "continuity", 'r', INDEX,
            "The same burden of starting again as in the index study." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "osei2019", { "Osei, A.", "Quinn, B.", "Eze, C.", NULL }, 2019,
    "'They don't know us': Ghanaian and Nigerian adults' trust in mental-health services",
    ISMH, "21", "1", "12-26", NULL,
    ENGLAND,
    "Community settings and secondary mental-health services in London and Manchester",
    "Ghanaian and Nigerian adults with experience of mental-health services, "
    "and community members",
    "Common and severe mental illness", "Semi-structured interviews",
    "Thematic analysis", 19, MH, "Black African (Ghanaian, Nigerian)", 23, FALSE, "rb",
    NULL,
    "YYYYYYYCY",
    { [7] = "Service users and community members are analysed together." },
    "Moderate to high: links trust to community knowledge and migration history.",
    {
      { "Ghanaian man, 40s, mental health service user", "15",
        "They think Africans are all the same. They don't know my country, my "
        "language, my church. How can they help me?" },
      { "Nigerian woman, 30s, mental health service user", "16",
        "I heard stories before I ever went. People go in and they don't come "
        "out the same. So I waited until I couldn't cope." },
      { "Ghanaian woman, 50s, community member", "17",
        "We need people who look like us and know us, yes. But more than that, "
        "people who stay." },
      { "Nigerian man, 20s, mental health service user", "18",
        "My psychiatrist laughs with me. He calls me 'my brother'. He's "
        "Scottish! But he makes time for me." },
    },
    {
      { "Known only as a category", "15",
        "Participants felt services saw them as a generic 'African' category "
        "rather than as individuals.",
        "1", "ios",
        { { "othered", 'r', INDEX,
            "Reduced to a racial category." },
          { "whole-person", 'r', INDEX,
            "The absence of being known as a whole person." } } },
      { "Stories that travel", "16",
        "Fear spread through community stories of harm and delayed contact "
        "with services.",
        "2", "c",
        { { "mistrust", 'r', "grant2009",
            "Community stories of harm echo the avoidance after detention in "
            "Grant et al." } } },
      { "Brotherhood across difference", "17-18",
        "Trust came from warmth and time more than from ethnic matching alone.",
        "34", "ip",
        { { "family-like", 'r', INDEX,
            "Kinship language across ethnic difference." },
          { "continuity", 'r', INDEX,
            "'People who stay'." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "begum2019", { "Begum, S.", "Harcourt, L.", NULL }, 2019,
    "Getting to a diagnosis: Bangladeshi women, general practice and the route "
    "to cancer care",
    FJCC, "23", "2", "101-112", NULL,
    ENGLAND, "General practices and community groups in east London",
    "Bangladeshi women aged 35 to 75 with a recent cancer diagnosis or caring "
    "for someone with cancer",
    "Cancer diagnosis (breast, gynaecological, bowel)",
    "Interviews in Sylheti, Bengali or English",
    "Framework analysis", 17, CA, "Bangladeshi", 24, FALSE, "ta",
    NULL,
    "YYYYYCYYY",
    { [5] = "One line on the bilingual interviewer and nothing more." },
    "Moderate to high: the route to diagnosis through primary care, which is "
    "thin elsewhere in the set.",
    {
      { "Bangladeshi woman, 50s, ovarian cancer (in Sylheti)", "104",
        "Three times I went to the GP. He said gas, he said stress. The fourth "
        "time my daughter came and shouted, then they sent me." },
      { "Bangladeshi woman, 40s, breast cancer (in Bengali)", "105",
        "We have a word for cancer but nobody wants to say it. We say 'that "
        "illness'." },
      { "Bangladeshi woman, 60s, carer for her sister (in Sylheti)", "106",
        "The link worker at the surgery speaks our language, she came with us "
        "to every appointment. Like a daughter." },
      { "Bangladeshi woman, 30s, breast cancer", "107",
        "The receptionist was rude to my mum because of her English. That's "
        "the first person you meet." },
    },
    {
      { "Not taken seriously", "104, 107",
        "Repeated consultations ending in vague explanations left women feeling "
        "dismissed; daughters' advocacy and English got them referred.",
        "14", "ipo",
        { { "listened", 'r', "kaur2004",
            "Dismissed in general practice, close to 'not given time' in Kaur "
            "et al." },
          { "othered", 'r', "thompson2018",
            "Dismissal tied to language and ethnicity, close to 'pain not "
            "believed' in Thompson et al." } } },
      { "The illness we do not name", "105",
        "Cancer was spoken of only indirectly, out of dread.",
        "2", "ic",
        { { "cancer-fear", 'r', "mcdonagh2008",
            "Not naming cancer, as in McDonagh and Lloyd." } } },
      { "Link workers like family", "106",
        "Bilingual link workers went with women through their care and were "
        "spoken of as family.",
        "3", "ipo",
        { { "language", 'r', "chen2013",
            "A practitioner who shares the language, as in Chen et al." },
          { "family-like", 'r', "chen2013",
            "Kinship language for a community worker, as in Chen et al." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "morgan2020", { "Morgan, E.", "Thomas, G.", "Raza, H.", NULL }, 2020,
    "Respect, not friendship: minoritised inpatients' views of their "
    "relationships with ward staff in Wales",
    ISMH, "23", "4", "330-344", "10.0000/illustrative.20",
    WALES, "Acute adult psychiatric wards in three Welsh health boards",
    "Black British, Black African, mixed-heritage, Pakistani and Indian adult inpatients",
    "Acute mental illness requiring admission",
    "Interviews on the ward and after discharge",
    "Reflexive thematic analysis", 16, MH,
    "Black British; Black African; mixed heritage; Pakistani; Indian", 25, FALSE, "rb",
    "The clearest counter-voice on warmth; see the memo on its refutational translation.",
    "YYYCYYCYY",
    { [3] = "Interviewing on the ward may have left out the most unwell or distressed.",
      [6] = "How capacity to consent was judged on the ward is described only briefly." },
    "High: the clearest counter-voice on warmth in the set.",
    {
      { "Black British man, 30s, detained, inpatient psychiatry", "333",
        "I don't want them to be my mate. They've got the keys. Being all "
        "friendly, then restraining you, that's worse." },
      { "mixed-heritage woman, 20s, informal admission", "334",
        "Just tell me straight what's happening and when. Keep your promises. "
        "That's respect." },
      { "Pakistani man, 40s, detained, inpatient psychiatry", "335",
        "The nurse in charge always explained, even when the answer was no. I "
        "could live with no." },
      { "Black African woman, 30s, informal admission", "336",
        "Some of them call you darling and sweetheart, then write you up as "
        "hostile. I'd rather they were honest." },
    },
    {
      { "Friendliness as a risk", "333, 336",
        "Some participants distrusted friendliness from staff who had the "
        "power to detain and restrain them, and saw it as manipulative or "
        "false.",
        "14", "io",
        { { "warmth", 'x', INDEX,
            "Contradicts the index study's account of warmth as the sign of "
            "good care. The team did not average it away: where staff hold "
            "coercive power, warmth offered without honesty reads as a "
            "tactic. What these participants wanted (respect, straight talk, "
            "promises kept) overlaps with being listened to, so the refutation "
            "qualifies the warmth concept: warmth helps when it comes with "
            "honesty and without the threat of force." } } },
      { "Respect as straight talking", "334-335",
        "Honesty, explanation and consistency were valued above closeness.",
        "23", "io",
        { { "listened", 'r', INDEX,
            "Being told straight and having decisions explained is being taken "
            "seriously; a partial fit, noted." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "ahmed2020", { "Ahmed, M.", "Fletcher, J.", "Haile, T.", NULL }, 2020,
    "Rebuilding trust after flight: refugees' experiences of trauma-focused "
    "mental-health care in England",
    JIHR, "18", "2", "77-91", "10.0000/illustrative.21",
    ENGLAND,
    "NHS trauma services and a voluntary-sector refugee therapy service in "
    "Birmingham and Sheffield",
    "Refugees from Syria, Eritrea and Afghanistan receiving trauma-focused therapy",
    "Post-traumatic stress and depression",
    "Interviews with professional interpreters",
    "Interpretative phenomenological analysis", 18, MH,
    "Refugees (Syrian, Eritrean, Afghan)", 26, FALSE, "ta",
    NULL,
    "YYYYYYYYY",
    { NULL },
    "High: therapy relationships in which the interpreter is a third person.",
    {
      { "refugee from Syria, man, 40s", "80",
        "With the same interpreter every week, it became three people who know "
        "the story. She was like a bridge, also like a sister." },
      { "refugee from Eritrea, woman, 30s", "81",
        "At first I told the therapist only small things. I was testing. When "
        "she did not push, I gave more." },
      { "refugee from Afghanistan, man, 20s", "82",
        "In the Home Office interview they doubt every word. In therapy she "
        "believed me. That difference is everything." },
      { "refugee from Syria, woman, 50s", "83",
        "She asked about my life before the war. My garden, my job. I "
        "remembered I was a person before all this." },
    },
    {
      { "Testing before telling", "81-82",
        "Participants disclosed step by step, testing whether the therapist "
        "would believe them and not push, in contrast with immigration "
        "processes that doubted them.",
        "23", "ips",
        { { "mistrust", 'r', "yusuf2010",
            "Caution rooted in the asylum system, as in Yusuf et al." },
          { "listened", 'r', INDEX,
            "Being believed as the form of being heard that matters here." } } },
      { "The interpreter as part of the relationship", "80",
        "A consistent interpreter became part of a trusted three-way "
        "relationship.",
        "1", "io",
        { { "language", 'r', "yusuf2010",
            "The interpreter's place in disclosure, as in Yusuf et al." },
          { "continuity", 'r', "yusuf2010",
            "The same interpreter every week: the reverse of the changing "
            "interpreters in Yusuf et al." },
          { "family-like", 'r', INDEX,
            "'Like a sister'." } } },
      { "A life before", "83",
        "Being asked about life before displacement gave back a sense of self.",
        "4", "i",
        { { "whole-person", 'r', "yusuf2010",
            "As in 'a person, not a case' in Yusuf et al." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "kapoor2021", { "Kapoor, N.", "Osborne, H.", "Siddiqui, A.", NULL }, 2021,
    "The screen between us: South Asian patients' experiences of remote "
    "oncology consultations",
    FJCC, "25", "1", "15-27", "10.0000/illustrative.22",
    ENGLAND,
    "Oncology outpatient services in three English NHS trusts during and after "
    "the COVID-19 pandemic",
    "Indian, Pakistani and Bangladeshi adults with cancer",
    "Cancers of several sites under treatment or follow-up",
    "Telephone and video interviews",
    "Reflexive thematic analysis", 19, CA, "Indian; Pakistani; Bangladeshi",
    27, FALSE, "rb",
    NULL,
    "YYYYCYYYY",
    { [4] = "Remote interviews may have left out people without a phone or "
            "privacy at home; acknowledged only in passing." },
    "Moderate: timely on remote care; short follow-up.",
    {
      { "Pakistani woman, 60s, bowel cancer (in Urdu)", "18",
        "On the phone the doctor was rushing. I could not see his face. I did "
        "not know if the news was good or bad until my son explained." },
      { "Indian man, 50s, prostate cancer", "19",
        "Video is fine for the quick things. But the day they told me it had "
        "spread, I wanted to be in the room." },
      { "Bangladeshi woman, 40s, breast cancer (in Bengali)", "20",
        "On a three-way call with the interpreter everyone talks over each "
        "other. I just said yes, yes." },
      { "Indian woman, 70s, lung cancer", "21",
        "My nurse still phones me every month. She knows my voice. She can "
        "tell when I'm not right." },
    },
    {
      { "Losing the face in the room", "18-19",
        "Remote consultations stripped away the unspoken cues through which "
        "patients read care and bad news.",
        "12", "io",
        { { "remote", 'f', NULL, NULL } } },
      { "Interpreting at a distance", "20",
        "Three-way remote calls made interpreting harder and discouraged "
        "questions.",
        "3", "io",
        { { "language", 'r', "singh2016",
            "Interpreting that fails patients in routine care, as in Singh et "
            "al., made worse by distance." } } },
      { "A voice I know", "21",
        "A nurse who knew the patient could keep care personal even by phone.",
        "4", "ipo",
        { { "continuity", 'r', "nwosu2012",
            "'The nurse who stays', as in Nwosu and Palmer." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "douglas2021", { "Douglas, M.", "Fenwick, R.", NULL }, 2021,
    "Still standing: Black Caribbean men living with prostate cancer during the pandemic",
    EQHR, "12", "3", "201-214", NULL,
    ENGLAND, "Urology and oncology follow-up in London and the West Midlands",
    "Black Caribbean men aged 52 to 81 living with prostate cancer",
    "Prostate cancer", "Online and telephone interviews",
    "Reflexive thematic analysis", 20, CA, "Black Caribbean", 28, FALSE, "ta",
    NULL,
    "YYYYYYYYC",
    { [8] = "Findings specific to the pandemic are not always separated from "
            "general ones." },
    "Moderate: extends earlier work on prostate cancer to remote care.",
    {
      { "Black Caribbean man, 70s, prostate cancer", "204",
        "Phone appointments, you're a number on a list. I've never met this "
        "doctor. How's he going to know if I'm hiding something?" },
      { "Black Caribbean man, 50s, prostate cancer", "206",
        "The support group on Zoom, those men are my brothers now. We talk "
        "about things we'd never tell a doctor." },
      { "Black Caribbean man, 80s, prostate cancer", "207",
        "The specialist nurse rang after my scan just to see how I was taking "
        "it. She didn't have to. That's what keeps you going." },
    },
    {
      { "Unknown voices on the phone", "204",
        "Remote follow-up with clinicians they had never met left men feeling "
        "anonymous and less willing to say what was wrong.",
        "1", "io",
        { { "remote", 'r', "kapoor2021",
            "The same loss of the person in remote care as in Kapoor et al." },
          { "continuity", 'r', INDEX,
            "Never having met the clinician: no continuity at all." } } },
      { "Brotherhood among patients", "206",
        "Online groups of men with the same diagnosis became a trusted place "
        "to talk.",
        "2", "pc",
        { { "family-like", 'r', "osei2019",
            "'My brothers': kinship language, though here for fellow patients "
            "rather than practitioners; a stretch, noted in a memo." } } },
      { "Care beyond the appointment", "207",
        "Unprompted contact from a nurse was taken as a sign of genuine care.",
        "3", "ip",
        { { "warmth", 'r', INDEX,
            "Warmth shown by going beyond what was required." } } },
    },
  },
  /* ---------------------------------------------------------------- */
  {
    "mwangi2022", { "Mwangi, W.", "Harris-Cole, D.", "Bhogal, P.", NULL }, 2022,
    "'Like family, but professional': co-produced research with Black service "
    "users on what makes community mental-health care work",
    JIHR, "20", "4", "301-318", "10.0000/illustrative.29",
    ENGLAND, "Community mental-health teams in London and Birmingham",
    "Black African, Black Caribbean and mixed-heritage adults using community "
    "mental-health teams",
    "Severe mental illness",
    "Interviews conducted and analysed with peer researchers",
    "Reflexive thematic analysis", 24, MH,
    "Black African; Black Caribbean; mixed heritage", 29, FALSE, "rb",
    NULL,
    "YYYYYYYYY",
    { NULL },
    "High: co-produced, and it speaks directly to the balance of closeness and boundaries.",
    {
      { "Black Caribbean woman, 50s, community mental health service user", "304",
        "She's like family, but she's still professional. She'll tell me off "
        "if I miss my depot. Family does that too." },
      { "Black African man, 30s, community mental health service user", "305",
        "When I got a new coordinator she came with the old one first. Handed "
        "me over properly. That made all the difference." },
      { "mixed-heritage man, 40s, community mental health service user", "306",
        "She listened to all of it, the racism at work, my dad, my faith. Not "
        "just 'are you hearing voices'." },
      { "Black Caribbean man, 60s, community mental health service user", "307",
        "Trust is earned slow. Twelve years I've been with this team. Now I "
        "tell them things before they get bad." },
      { "Black African woman, 20s, community mental health service user", "308",
        "Because she knows me, I ring her when I start to slip. Before, I'd "
        "hide until they came for me." },
    },
    {
      { "Family-like but professional", "304",
        "The best practitioners were described as family-like while keeping "
        "professional boundaries, joining warmth with honesty.",
        "1", "ip",
        { { "family-like", 'r', INDEX,
            "Kinship language for a practitioner, as in the index study." },
          { "warmth", 'r', INDEX,
            "Warmth joined with honest boundaries, which also answers the "
            "refutation from Morgan et al." } } },
      { "Handed over, not dropped", "305, 307",
        "Planned handovers and long relationships with a team protected trust.",
        "24", "o",
        { { "continuity", 'r', INDEX,
            "Continuity, with the handover as the practice that protects it." } } },
      { "Heard about the whole of life", "306",
        "Being listened to about racism, family and faith, not only about "
        "symptoms.",
        "3", "ips",
        { { "listened", 'r', INDEX,
            "Listening beyond the symptom checklist." },
          { "whole-person", 'r', INDEX,
            "Known with one's family, faith and experience of racism." } } },
      { "Early help instead of crisis", "307-308",
        "Trust built over time led people to seek help early rather than hide "
        "until a crisis.",
        "45", "io",
        { { "mistrust", 'r', INDEX,
            "The same concept seen from its resolution: where trust is built, "
            "the withholding the index study describes gives way to early "
            "help-seeking." } } },
    },
  },
};

/* ------------------------------------------------------------------ */
/* Third-order constructs and the line of argument                    */
/* ------------------------------------------------------------------ */

typedef struct {
  MteConcern concern;
  const char *explanation;
} ConcernSpec;

typedef struct {
  const char *id;
  const char *label;
  const char *statement;
  const char *basis[MAX_BASIS + 1];
  ConcernSpec concerns[MTE_CERQUAL_N_COMPONENTS];
  MteConfidence confidence;
  const char *confidence_explanation;
  const char *levels;
} ThirdOrderSpec;

static const ThirdOrderSpec third_orders[] = {
  { "f-relationship", "the centrality of the patient-practitioner relationship",
    "In both mental-health and cancer care, participants judged services above "
    "all by their relationship with one or a few practitioners: whether they "
    "were listened to, treated warmly and known over time. Where such a "
    "relationship existed, practitioners came to be spoken of as family; where "
    "it did not, care felt impersonal whatever its technical quality.",
    { "listened", "warmth", "family-like", "whole-person", "continuity",
      INDEX "-s2", "mwangi2022-s1", "nwosu2012-s3", "chen2013-q4", NULL },
    { { MTE_CONCERN_MINOR,
        "Most contributing studies were well conducted; several give little "
        "reflexive account (e.g. Ashworth and Owusu 2003; Chen et al. 2013)." },
      { MTE_CONCERN_MINOR,
        "Consistent across care areas and groups, but qualified by studies in "
        "which some participants preferred professional distance (Morgan et "
        "al. 2020) or expert authority (Lam et al. 2006)." },
      { MTE_CONCERN_NONE_OR_VERY_MINOR,
        "Rich data from most of the 29 studies, in both care areas." },
      { MTE_CONCERN_NONE_OR_VERY_MINOR,
        "The studies span both care areas, all three nations and most of the "
        "groups named in the review question." } },
    MTE_CONFIDENCE_HIGH,
    "High: consistent and rich data across settings; the refuting studies "
    "qualify the finding rather than undermine it.",
    "ipo" },
  { "f-connection", "meaning made in connection with others and families",
    "Participants made sense of illness, and decided whether and how to seek "
    "help, together with families, faith communities and peers. Families could "
    "open or close the way to services, and communities could support or "
    "shame; services that worked with these networks were trusted, and those "
    "that worked around them were resisted.",
    { "gatekeeping", "stigma", "faith", "family-like",
      "haq2007-s1", "zhou2018-s1", "patel2009-s1", "malik2017-s1", "rahman2012-s2", NULL },
    { { MTE_CONCERN_MINOR,
        "Several contributing studies give limited reflexive accounts, and one "
        "merges carers' and patients' views (Rahman et al. 2012)." },
      { MTE_CONCERN_MODERATE,
        "Families appear both as gatekeepers and as partners, and faith "
        "communities both as comfort and as judge. The finding holds this "
        "ambivalence, but when each happens rests on few studies." },
      { MTE_CONCERN_MINOR,
        "Data from many studies, but families as partners rest mainly on two "
        "(Patel and Greenwood 2009; Zhou et al. 2018)." },
      { MTE_CONCERN_MINOR,
        "South Asian and Chinese families dominate; there is little on family "
        "roles for Black Caribbean participants." } },
    MTE_CONFIDENCE_MODERATE,
    "Moderate: a widespread pattern, rated down because its two faces are "
    "explained by few studies.",
    "pco" },
  { "f-disclosure", "warmth and connection open the way to disclosure and engagement",
    "Disclosure was rarely a single event: people tested practitioners and "
    "told them more as warmth, listening and belief were shown. Connection "
    "made it possible to speak of distress, symptoms and fears that were "
    "otherwise hidden, and led people to come back, to seek help earlier and "
    "to stay in care.",
    { "warmth", "listened", "whole-person", "continuity",
      "adebayo2015-s3", "ahmed2020-s1", "rahman2012-s1", "mwangi2022-s4",
      INDEX "-q2", NULL },
    { { MTE_CONCERN_NONE_OR_VERY_MINOR,
        "The contributing studies were mostly well conducted." },
      { MTE_CONCERN_MINOR,
        "Morgan et al. (2020) show that warmth without honesty can have the "
        "opposite effect; the finding is worded to allow for this." },
      { MTE_CONCERN_MINOR,
        "The link to later engagement rests mainly on the few studies with "
        "long-term or repeat contact (Okonkwo-Reid et al. 2014; Mwangi et al. "
        "2022)." },
      { MTE_CONCERN_MINOR,
        "More of the data come from mental-health than from cancer care." } },
    MTE_CONFIDENCE_MODERATE,
    "Moderate: the link to disclosure is consistent; the link to later "
    "engagement rests on fewer studies.",
    "ip" },
  { "f-othered", "being othered erodes trust",
    "Experiences and expectations of racism (being seen as dangerous, "
    "disbelieved, reduced to a category or served by systems designed for "
    "others) led people to approach services on their guard, to say little and "
    "to avoid or delay help. In mental-health care this was bound up with fear "
    "of coercion; in cancer care, with not being believed about symptoms.",
    { "othered", "mistrust", "coercion", "language",
      "ashworth2003-s1", "grant2009-s1", "thompson2018-s1", "boateng2016-s1",
      INDEX "-q6", NULL },
    { { MTE_CONCERN_MINOR,
        "Two contributing studies have notable limitations (Ashworth and Owusu "
        "2003; Obi and Hartley 2005)." },
      { MTE_CONCERN_NONE_OR_VERY_MINOR,
        "Consistent across groups, nations and both care areas." },
      { MTE_CONCERN_NONE_OR_VERY_MINOR,
        "Many studies with rich, specific accounts." },
      { MTE_CONCERN_MINOR,
        "For asylum seekers and refugees (Yusuf et al. 2010; Ahmed et al. "
        "2020) mistrust has a different source, the immigration system; "
        "included but flagged." } },
    MTE_CONFIDENCE_HIGH,
    "High: a consistent, well-supported finding with only minor concerns.",
    "iocs" },
  { "f-frames", "cultural and spiritual frames of distress and illness",
    "People brought their own frames to illness: spiritual causes and "
    "healing, a dread of naming cancer, shame tied to family honour or face, "
    "ideals of strength. Practitioners who took these frames seriously without "
    "treating them as pathology were trusted; those who dismissed them "
    "confirmed that services did not understand people like them.",
    { "faith", "cancer-fear", "stigma", "whole-person",
      "haq2007-s3", "malik2017-s2", "mcdonagh2008-s2", "adebayo2015-s2", NULL },
    { { MTE_CONCERN_MINOR,
        "Several contributing studies give no reflexive account." },
      { MTE_CONCERN_MINOR,
        "The frames differ widely between groups; the finding concerns how "
        "services respond to them rather than their content." },
      { MTE_CONCERN_MINOR,
        "Adequate overall, but individual frames often rest on one or two "
        "studies." },
      { MTE_CONCERN_MODERATE,
        "Unevenly spread: strong for South Asian Muslim and Black African "
        "participants, thin for Chinese and Traveller participants' spiritual "
        "frames." } },
    MTE_CONFIDENCE_MODERATE,
    "Moderate: rated down for uneven relevance across the groups in the review.",
    "ic" },
};

typedef struct {
  const char *id;
  const char *from;
  const char *to;
  const char *relation;
  const char *rationale;
} LinkSpec;

static const LinkSpec links[] = {
  { "link-1", "f-othered", "f-relationship", MTE_RELATION_SHAPES,
    "People who have been othered arrive guarded, so the relationship starts "
    "from suspicion and has to be earned." },
  { "link-2", "f-relationship", "f-disclosure", MTE_RELATION_LEADS_TO,
    "A warm, listening and continuing relationship is the condition under "
    "which people disclose and engage." },
  { "link-3", "f-disclosure", "f-relationship", "reinforces",
    "Disclosure and engagement deepen the relationship: the practitioner comes "
    "to know the person and is seen as family. The team reads this as a "
    "virtuous circle." },
  { "link-4", "f-connection", "f-disclosure", MTE_RELATION_SHAPES,
    "Families and faith communities decide whether help is sought at all and "
    "through whom; they can open or close the way to disclosure." },
  { "link-5", "f-frames", "f-connection", MTE_RELATION_IS_PART_OF,
    "Cultural and spiritual frames are held and voiced within family and "
    "community networks." },
  { "link-6", "f-frames", "f-othered", MTE_RELATION_LEADS_TO,
    "When practitioners dismiss these frames, people experience it as being "
    "treated as other." },
  { "link-7", "f-othered", "f-disclosure", "works against",
    "Being othered leads people to withhold, the opposite of disclosure; warmth "
    "has to overcome it first." },
};

/* ------------------------------------------------------------------ */
/* Memos                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *id;
  const char *subject;   /* NULL for a project memo */
  const char *author;
  gint64 created;
  const char *text;
} MemoSpec;

static const MemoSpec memos[] = {
  { "memo-index", NULL, "rb", G_GINT64_CONSTANT (1676373600), /* 2023-02-14 */
    "We chose Okonkwo-Reid et al. (2014) as the index study: it is the most "
    "conceptually developed account of the relationship itself and the only "
    "one with repeat interviews. The other 28 follow in order of publication. "
    "We considered starting from a cancer study so as not to tilt the grid "
    "towards mental health, but none was as rich; we will watch for concepts "
    "that only cancer studies raise. (" ILLUSTRATIVE ".)" },
  { "memo-scale", NULL, "hm", G_GINT64_CONSTANT (1680534300), /* 2023-04-03 */
    "At 29 studies, study-by-study translation is workable but slow. We keep "
    "it, with short rationales, rather than grouping concepts first by "
    "constant comparison as very large reviews do. A second reviewer checks "
    "one translation in five; disagreements go to the team meeting." },
  { "memo-kinship", "family-like", "ta", G_GINT64_CONSTANT (1684320000), /* 2023-05-17 */
    "Kinship language is not confined to African and Caribbean participants: "
    "Chinese ('little sister'), Bangladeshi ('like a daughter') and Traveller "
    "('one of us') participants use it too. Douglas and Fenwick (2021) apply it "
    "to fellow patients rather than practitioners; we translated it here but "
    "mark it as a stretch. Rahman et al. (2012) turn gatekeeping round "
    "(services keeping families out); kept as reciprocal, see its translation." },
  { "memo-morgan", "tr-morgan2020-s1-warmth", "rb", G_GINT64_CONSTANT (1686233700), /* 2023-06-08 */
    "Discussed at length. We keep Morgan et al.'s refutation visible rather than "
    "folding it into 'warmth'. It sharpens the line of argument: what people "
    "want is warmth with honesty, from someone who does not hold force over "
    "them, or who uses it openly. Mwangi et al. (2022), 'like family, but "
    "professional', reads as the reconciliation." },
  { "memo-body", "thompson2018-s2", "yl", G_GINT64_CONSTANT (1687339800), /* 2023-06-21 */
    "Left untranslated for now. Is 'bodies services did not expect' a form of "
    "being othered (as we translated Nwosu and Palmer's 'care designed for "
    "someone else') or a concept of its own about the body after treatment? "
    "Our advisory group leaned towards a concept of its own; with only one "
    "study we have not added a column." },
  { "memo-remote", "remote", "hm", G_GINT64_CONSTANT (1689177600), /* 2023-07-12 */
    "Only two studies, both from 2021, express remote care. We keep the "
    "concept as an emerging one and build no finding on it alone; it is part "
    "of the basis of nothing yet." },
  { "memo-connection", "f-connection", "ta", G_GINT64_CONSTANT (1690976700), /* 2023-08-02 */
    "Coherence rated as moderate concern because of the two refutations of "
    "'family as gatekeepers' (Patel and Greenwood 2009; Zhou et al. 2018) and "
    "the refutation of faith as a resource (Malik et al. 2017). We think the "
    "finding survives them, but only as a statement about connection that can "
    "go either way." },
  { "memo-levels", "socio-ecological", "hm", G_GINT64_CONSTANT (1693401000), /* 2023-08-30 */
    "Classifying by the five socio-ecological levels: most second-order "
    "constructs sit at the individual and interpersonal levels, continuity and "
    "remote care at the organisational level, and othering reaches the "
    "societal level. Findings often span several levels; we record every level "
    "a finding draws on rather than forcing one." },
  { "memo-ppi", NULL, "yl", G_GINT64_CONSTANT (1694685900), /* 2023-09-14 */
    "Our advisory group read the draft line of argument. 'Family' resonated "
    "strongly, but two members warned that 'like family' can excuse blurred "
    "boundaries; we added 'while staying professional' to the statement." },
};

/* ------------------------------------------------------------------ */
/* Building                                                           */
/* ------------------------------------------------------------------ */

G_NORETURN static void
fail (GError *error, const char *what)
{
  fprintf (stderr, "make-warmth: %s: %s\n", what,
           error != NULL ? error->message : "failed");
  exit (EXIT_FAILURE);
}

/* Each building function declares `GError *error = NULL`; on failure the
 * program stops, so the error never needs freeing. */
#define TRY(call) \
  G_STMT_START { if (!(call)) fail (error, #call); } G_STMT_END
#define TRY_PTR(ptr, call) \
  G_STMT_START { (ptr) = (call); if ((ptr) == NULL) fail (error, #call); } G_STMT_END

G_NORETURN G_GNUC_PRINTF (1, 2) static void
bad_data (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "make-warmth: inconsistent example data: ");
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  exit (EXIT_FAILURE);
}

static const char *
level_key (char letter)
{
  switch (letter)
    {
    case 'i': return "individual";
    case 'p': return "interpersonal";
    case 'c': return "community";
    case 'o': return "organisational";
    case 's': return "societal";
    default:  bad_data ("unknown socio-ecological level '%c'", letter);
    }
}

static void
classify (MteFramework *framework, const char *entity_id, const char *levels)
{
  GError *error = NULL;

  if (levels == NULL || *levels == '\0')
    bad_data ("%s has no socio-ecological level", entity_id);
  for (const char *l = levels; *l != '\0'; l++)
    TRY (mte_framework_classify (framework, entity_id, level_key (*l), &error));
}

static const StudySpec *
find_study_spec (const char *id)
{
  for (gsize i = 0; i < G_N_ELEMENTS (studies); i++)
    if (strcmp (studies[i].id, id) == 0)
      return &studies[i];
  bad_data ("no study %s", id);
}

static void
add_team_and_checklist (MteProject *project)
{
  GError *error = NULL;
  MteMember *member;
  MteChecklist *checklist;

  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    TRY_PTR (member, mte_project_add_member (project, members[i].id, members[i].name,
                                             members[i].role, &error));

  TRY_PTR (checklist, mte_project_add_checklist (project, CHECKLIST_ID,
             "Qualitative appraisal checklist in the style of CASP (ten "
             "questions, paraphrased for this example)", &error));
  for (guint q = 0; q < N_QUESTIONS; q++)
    {
      char key[8];

      g_snprintf (key, sizeof key, "q%u", q + 1);
      TRY (mte_checklist_add_question (checklist, key, questions[q],
                                       q + 1 < N_QUESTIONS ? answers : NULL,
                                       &error));
    }
}

static void
add_study (MteProject *project, const StudySpec *spec)
{
  GError *error = NULL;
  MteStudy *study;
  static const struct { MteStudyField field; gsize offset; } fields[] = {
    { MTE_STUDY_TITLE, G_STRUCT_OFFSET (StudySpec, title) },
    { MTE_STUDY_SOURCE, G_STRUCT_OFFSET (StudySpec, source) },
    { MTE_STUDY_VOLUME, G_STRUCT_OFFSET (StudySpec, volume) },
    { MTE_STUDY_ISSUE, G_STRUCT_OFFSET (StudySpec, issue) },
    { MTE_STUDY_PAGES, G_STRUCT_OFFSET (StudySpec, pages) },
    { MTE_STUDY_DOI, G_STRUCT_OFFSET (StudySpec, doi) },
    { MTE_STUDY_COUNTRY, G_STRUCT_OFFSET (StudySpec, country) },
    { MTE_STUDY_SETTING, G_STRUCT_OFFSET (StudySpec, setting) },
    { MTE_STUDY_PARTICIPANTS, G_STRUCT_OFFSET (StudySpec, participants) },
    { MTE_STUDY_CONDITION, G_STRUCT_OFFSET (StudySpec, condition) },
    { MTE_STUDY_DATA_COLLECTION, G_STRUCT_OFFSET (StudySpec, data_collection) },
    { MTE_STUDY_ANALYSIS, G_STRUCT_OFFSET (StudySpec, analysis) },
    { MTE_STUDY_NOTES, G_STRUCT_OFFSET (StudySpec, notes) },
  };
  guint n_quotes = 0;
  gboolean used[MAX_QUOTES] = { FALSE };

  TRY_PTR (study, mte_project_add_study (project, spec->id, &error));
  TRY (mte_study_set_authors (study, spec->authors, &error));
  TRY (mte_study_set_year (study, spec->year, &error));
  for (gsize f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, spec, fields[f].offset);

      if (value != NULL)
        TRY (mte_study_set_field (study, fields[f].field, value, &error));
    }
  mte_study_set_sample_size (study, spec->sample_size);
  mte_study_set_index_study (study, spec->index_study);
  mte_study_set_translation_position (study, spec->position);
  TRY (mte_study_set_attribute (study, "care area", spec->care_area, &error));
  TRY (mte_study_set_attribute (study, "minoritised groups", spec->groups, &error));

  /* Appraisal. */
  if (strlen (spec->appraisal) != N_QUESTIONS - 1)
    bad_data ("%s: appraisal needs %d answers", spec->id, N_QUESTIONS - 1);
  for (guint q = 0; q < N_QUESTIONS - 1; q++)
    {
      char key[8];
      const char *answer;
      const char *note = spec->appraisal_notes[q];

      switch (spec->appraisal[q])
        {
        case 'Y': answer = "yes"; break;
        case 'C': answer = "can't tell"; break;
        case 'N': answer = "no"; break;
        default: bad_data ("%s: bad appraisal letter", spec->id);
        }
      if ((spec->appraisal[q] == 'Y') != (note == NULL))
        bad_data ("%s: q%u: every 'can't tell' or 'no', and only those, needs a note",
                  spec->id, q + 1);
      g_snprintf (key, sizeof key, "q%u", q + 1);
      TRY (mte_study_set_appraisal (study, CHECKLIST_ID, key, answer, note, &error));
    }
  TRY (mte_study_set_appraisal (study, CHECKLIST_ID, "q10", spec->value, NULL, &error));

  /* First-order constructs. */
  for (guint q = 0; q < MAX_QUOTES && spec->quotes[q].text != NULL; q++)
    {
      char *id = g_strdup_printf ("%s-q%u", spec->id, q + 1);
      MteConstruct *construct;

      TRY_PTR (construct, mte_study_add_construct (study, id, MTE_CONSTRUCT_FIRST_ORDER,
                                                   spec->quotes[q].text, &error));
      TRY (mte_construct_set_speaker (construct, spec->quotes[q].speaker, &error));
      TRY (mte_construct_set_page (construct, spec->quotes[q].page, &error));
      n_quotes++;
      g_free (id);
    }
  if (n_quotes < 3)
    bad_data ("%s: fewer than three quotes", spec->id);

  /* Second-order constructs, grounded in the quotes. A quote's section is
   * the section of the first theme it grounds. */
  for (guint t = 0; t < MAX_THEMES && spec->themes[t].text != NULL; t++)
    {
      const ThemeSpec *theme = &spec->themes[t];
      char *id = g_strdup_printf ("%s-s%u", spec->id, t + 1);
      char *section = g_strdup_printf ("Findings: %s", theme->label);
      MteConstruct *construct;

      TRY_PTR (construct, mte_study_add_construct (study, id, MTE_CONSTRUCT_SECOND_ORDER,
                                                   theme->text, &error));
      TRY (mte_construct_set_label (construct, theme->label, &error));
      TRY (mte_construct_set_page (construct, theme->page, &error));
      TRY (mte_construct_set_section (construct, section, &error));
      if (theme->grounds == NULL || *theme->grounds == '\0')
        bad_data ("%s is grounded in nothing", id);
      for (const char *g = theme->grounds; *g != '\0'; g++)
        {
          guint n = (guint) (*g - '0');
          char *quote_id = g_strdup_printf ("%s-q%u", spec->id, n);

          if (n < 1 || n > n_quotes)
            bad_data ("%s: no quote %c", id, *g);
          TRY (mte_construct_add_grounding (construct, quote_id, &error));
          if (!used[n - 1])
            {
              MteConstruct *quote = mte_project_lookup_construct (project, quote_id);

              TRY (mte_construct_set_section (quote, section, &error));
              used[n - 1] = TRUE;
            }
          g_free (quote_id);
        }
      g_free (section);
      g_free (id);
    }
  for (guint q = 0; q < n_quotes; q++)
    if (!used[q])
      bad_data ("%s-q%u grounds no second-order construct", spec->id, q + 1);
}

static void
add_concepts (MteProject *project)
{
  GError *error = NULL;

  for (gsize c = 0; c < G_N_ELEMENTS (concepts); c++)
    {
      MteConcept *concept;

      TRY_PTR (concept, mte_project_add_concept (project, concepts[c].id,
                                                 concepts[c].label, &error));
      TRY (mte_concept_set_definition (concept, concepts[c].definition, &error));
    }
}

static gboolean
concept_expressed_by (const MteConcept *concept, const MteStudy *study)
{
  for (guint e = 0; e < mte_concept_get_n_expressions (concept); e++)
    if (mte_construct_get_study (mte_concept_get_expression (concept, e)) == study)
      return TRUE;
  return FALSE;
}

/* Study by study, in the team's translation order: the index study's
 * constructs found concepts; each later study's constructs are translated
 * into the concepts gathered so far, or found new ones. */
static void
translate (MteProject *project)
{
  GError *error = NULL;

  for (guint position = 1; position <= G_N_ELEMENTS (studies); position++)
    {
      const StudySpec *spec = NULL;
      guint k = 0;

      for (gsize s = 0; s < G_N_ELEMENTS (studies); s++)
        if (studies[s].position == position)
          {
            if (spec != NULL)
              bad_data ("two studies at translation position %u", position);
            spec = &studies[s];
          }
      if (spec == NULL)
        bad_data ("no study at translation position %u", position);

      for (guint t = 0; t < MAX_THEMES && spec->themes[t].text != NULL; t++)
        for (guint x = 0; x < MAX_EXPR && spec->themes[t].expr[x].concept != NULL; x++)
          {
            const ExprSpec *expr = &spec->themes[t].expr[x];
            char *construct_id = g_strdup_printf ("%s-s%u", spec->id, t + 1);
            MteConcept *concept = mte_project_lookup_concept (project, expr->concept);
            MteTranslation *translation;
            char *id;

            if (concept == NULL)
              bad_data ("%s: no concept %s", construct_id, expr->concept);

            if (expr->kind == 'f')
              {
                if (mte_concept_get_n_expressions (concept) != 0)
                  bad_data ("%s cannot found %s: it already exists",
                            construct_id, expr->concept);
                TRY (mte_concept_add_expression (concept, construct_id, &error));
                g_free (construct_id);
                continue;
              }

            if (expr->kind != 'r' && expr->kind != 'x')
              bad_data ("%s: unknown kind '%c'", construct_id, expr->kind);
            if (find_study_spec (expr->target)->position >= position ||
                !concept_expressed_by (concept,
                                       mte_project_lookup_study (project, expr->target)))
              bad_data ("%s: %s does not yet carry concept %s", construct_id,
                        expr->target, expr->concept);

            if (expr->kind == 'r')
              TRY (mte_concept_add_expression (concept, construct_id, &error));

            id = g_strdup_printf ("tr-%s-%s", construct_id, expr->concept);
            TRY_PTR (translation, mte_project_add_translation (project, id,
                       expr->kind == 'r' ? MTE_TRANSLATION_RECIPROCAL
                                         : MTE_TRANSLATION_REFUTATIONAL,
                       construct_id, expr->concept, &error));
            TRY (mte_translation_set_target_study (translation, expr->target, &error));
            TRY (mte_translation_set_rationale (translation, expr->rationale, &error));
            TRY (mte_translation_set_reviewer (translation, spec->translator, &error));
            /* Three days per study from the start of translation, 25
             * minutes per judgement within a study. */
            mte_translation_set_created (translation,
                                         T_TRANSLATING + (gint64) (position - 2) * 3 * DAY
                                         + (gint64) k * 25 * 60);
            k++;
            g_free (id);
            g_free (construct_id);
          }
    }

  for (gsize c = 0; c < G_N_ELEMENTS (concepts); c++)
    if (mte_concept_get_n_expressions (mte_project_lookup_concept (project, concepts[c].id)) == 0)
      bad_data ("concept %s is expressed by no study", concepts[c].id);
}

static void
synthesise (MteProject *project)
{
  GError *error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (third_orders); i++)
    {
      const ThirdOrderSpec *spec = &third_orders[i];
      MteThirdOrder *finding;

      TRY_PTR (finding, mte_project_add_third_order (project, spec->id, spec->label, &error));
      TRY (mte_third_order_set_statement (finding, spec->statement, &error));
      for (guint b = 0; b < MAX_BASIS && spec->basis[b] != NULL; b++)
        TRY (mte_third_order_add_basis (finding, spec->basis[b], &error));
      for (int c = 0; c < MTE_CERQUAL_N_COMPONENTS; c++)
        TRY (mte_third_order_set_concern (finding, (MteCerqualComponent) c,
                                          spec->concerns[c].concern,
                                          spec->concerns[c].explanation, &error));
      TRY (mte_third_order_set_confidence (finding, spec->confidence,
                                           spec->confidence_explanation, &error));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (links); i++)
    {
      MteArgumentLink *link;

      TRY_PTR (link, mte_project_add_argument_link (project, links[i].id, links[i].from,
                                                    links[i].to, links[i].relation,
                                                    &error));
      TRY (mte_argument_link_set_rationale (link, links[i].rationale, &error));
    }
}

static void
add_framework (MteProject *project)
{
  GError *error = NULL;
  MteFramework *framework;

  TRY_PTR (framework, mte_project_add_socio_ecological_framework (project, NULL, &error));
  TRY (mte_framework_set_description (framework,
         "Five nested levels at which the team placed second-order constructs, "
         "key concepts and findings; a construct or finding may sit at several "
         "levels.", &error));

  for (gsize s = 0; s < G_N_ELEMENTS (studies); s++)
    for (guint t = 0; t < MAX_THEMES && studies[s].themes[t].text != NULL; t++)
      {
        char *id = g_strdup_printf ("%s-s%u", studies[s].id, t + 1);

        classify (framework, id, studies[s].themes[t].levels);
        g_free (id);
      }
  for (gsize c = 0; c < G_N_ELEMENTS (concepts); c++)
    classify (framework, concepts[c].id, concepts[c].levels);
  for (gsize i = 0; i < G_N_ELEMENTS (third_orders); i++)
    classify (framework, third_orders[i].id, third_orders[i].levels);
}

static void
add_memos (MteProject *project)
{
  GError *error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (memos); i++)
    {
      MteMemo *memo;

      TRY_PTR (memo, mte_project_add_memo (project, memos[i].id, memos[i].subject,
                                           memos[i].author, memos[i].text, &error));
      mte_memo_set_created (memo, memos[i].created);
    }
}

static MteProject *
build (void)
{
  GError *error = NULL;
  MteProject *project = mte_project_new ();

  TRY (mte_project_set_title (project, project_title, &error));
  TRY (mte_project_set_question (project, project_question, &error));
  TRY (mte_project_set_aim (project, project_aim, &error));
  TRY (mte_project_set_line_of_argument (project, project_line_of_argument, &error));
  /* The team's own words for three eMERGe items no recorded data can
   * fill (illustrative, like everything here); the report places them. */
  TRY (mte_project_set_emerge_text (project, MTE_EMERGE_RATIONALE,
                                    "Reviews of services for racially minoritised people in the UK "
                                    "report barriers to access; fewer ask what patients value once in "
                                    "care. This illustrative review asks that question across mental-health "
                                    "and cancer services together.", &error));
  TRY (mte_project_set_emerge_text (project, MTE_EMERGE_STRENGTHS_LIMITATIONS,
                                    "Strengths: two services read side by side, and every translation "
                                    "recorded with its rationale.\n\nLimitations: studies in English only; "
                                    "most participants were recruited through services, so people who never "
                                    "reached care are missing. Two of the team have used these services, "
                                    "which shaped what we noticed and was discussed at each meeting.",
                                    &error));
  TRY (mte_project_set_emerge_text (project, MTE_EMERGE_RECOMMENDATIONS,
                                    "Practitioners' warmth is not a courtesy but part of care: training "
                                    "and time should allow for it. Research should reach people who did "
                                    "not come to services.", &error));

  add_team_and_checklist (project);
  for (gsize s = 0; s < G_N_ELEMENTS (studies); s++)
    add_study (project, &studies[s]);
  add_concepts (project);
  translate (project);
  synthesise (project);
  add_framework (project);
  add_memos (project);

  /* Last, since every change above moved the modified time to now. */
  mte_project_set_created (project, T_CREATED);
  mte_project_set_modified (project, T_MODIFIED);
  return project;
}

int
main (int argc, char **argv)
{
  GError *error = NULL;
  MteProject *project;
  MteProject *loaded;

  if (argc != 2)
    {
      fprintf (stderr, "usage: make-warmth OUTPUT.xml\n");
      return EXIT_FAILURE;
    }

  project = build ();
  TRY (mte_project_save_to_file (project, argv[1], MTE_SAVE_FLAGS_NONE, &error));

  /* The file must load back into exactly the model that was built. */
  TRY_PTR (loaded, mte_project_load_from_file (argv[1], MTE_LOAD_FLAGS_NONE, &error));
  if (!mte_project_equal (project, loaded))
    {
      fprintf (stderr, "make-warmth: %s does not load back into the same project\n",
               argv[1]);
      mte_project_free (loaded);
      mte_project_free (project);
      return EXIT_FAILURE;
    }

  mte_project_free (loaded);
  mte_project_free (project);
  return EXIT_SUCCESS;
}
