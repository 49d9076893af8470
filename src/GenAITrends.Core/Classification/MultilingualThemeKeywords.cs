namespace GenAITrends.Core.Classification;

/// <summary>
/// Team-written keywords of the five themes in the languages our posts come in besides English (Japanese, Chinese,
/// Korean, Spanish, Portuguese, French, German, Italian, Turkish, Russian, Indonesian, Arabic): what <see cref="KeywordThemeBaseline"/>'s English lists say,
/// as people write it in those languages. Matched on normalised text by <see cref="ThemeLexicon"/>. Changing a list
/// changes the model's features: retrain (the model stores <see cref="ThemeLexicon.Fingerprint"/>).
/// </summary>
public static class MultilingualThemeKeywords
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [ThemeIds.OpenSourceLlmOs] =
        [
            // ja
            "オープンソース", "オープンモデル", "ローカルllm", "ローカルで動", "ローカル環境", "エージェント", "プラグイン", "自律型",
            // zh
            "开源", "開源", "开源模型", "本地部署", "本地运行", "智能体", "插件", "外掛",
            // ko
            "오픈소스", "오픈 소스", "에이전트", "플러그인", "로컬",
            // es / pt / fr / de / it
            "código abierto", "codigo abierto", "código aberto", "codigo aberto", "libre", "modelos abiertos", "modelo abierto",
            "agente", "agentes", "complemento", "complementos", "extensiones",
            "logiciel libre", "modèle ouvert", "modèles ouverts", "agents autonomes", "agent autonome",
            "quelloffen", "offene modelle", "offenes modell", "agenten", "erweiterungen",
            "codice aperto", "modelli aperti",
            // tr / ru / id / ar
            "açık kaynak", "açık kaynaklı", "açık model", "ajan", "ajanlar", "eklenti",
            "открытый исходный код", "открытым исходным кодом", "открытые модели", "опенсорс", "агент", "агенты", "плагины",
            "sumber terbuka", "model terbuka", "agen ai",
            "مفتوح المصدر", "مفتوحة المصدر", "وكلاء", "الوكلاء", "إضافات",
        ],
        [ThemeIds.RegulationEthics] =
        [
            // ja
            "規制", "法規制", "法律", "法案", "著作権", "プライバシー", "個人情報", "禁止", "倫理", "偏見", "誤情報", "偽情報", "訴訟",
            "ガイドライン", "ルール作り", "規約", "個人情報保護",
            // zh
            "监管", "監管", "规制", "法规", "法規", "版权", "版權", "著作权", "隐私", "隱私", "个人信息", "禁止", "禁用", "伦理", "倫理",
            "虚假信息", "假新闻", "诉讼", "訴訟", "立法",
            // ko
            "규제", "법안", "저작권", "개인정보", "금지", "윤리", "소송", "가이드라인",
            // es / pt
            "regulación", "regulacion", "ley", "leyes", "derechos de autor", "privacidad", "prohibir", "prohibición",
            "prohibido", "prohíbe", "ética", "etica", "sesgo", "sesgos", "desinformación", "demanda", "protección de datos",
            "regulação", "regulamentação", "lei", "direitos autorais", "privacidade", "proibir", "proibição", "proibido", "viés",
            "desinformação", "proteção de dados",
            // fr
            "réglementation", "reglementation", "régulation", "loi", "droit d'auteur", "droits d'auteur", "vie privée",
            "données personnelles", "interdire", "interdiction", "interdit", "éthique", "biais", "désinformation", "procès",
            // de / it
            "regulierung", "gesetz", "urheberrecht", "datenschutz", "verbot", "verboten", "verbieten", "ethik", "desinformation",
            "regolamentazione", "legge", "diritto d'autore", "vietato", "divieto", "garante", "etica",
            // tr / ru / id / ar
            "düzenleme", "yasa", "kanun", "telif hakkı", "telif", "gizlilik", "kişisel veri", "kişisel veriler", "yasak", "yasakladı",
            "yasaklandı", "etik",
            "регулирование", "закон", "законопроект", "авторское право", "авторских прав", "конфиденциальность",
            "персональные данные", "персональных данных", "запрет", "запретила", "запретили", "этика", "дезинформация",
            "regulasi", "undang-undang", "hak cipta", "privasi", "data pribadi", "larangan", "melarang", "dilarang", "etika",
            "تنظيم", "قانون", "القانون", "حقوق النشر", "الخصوصية", "خصوصية", "البيانات الشخصية", "حظر", "يحظر", "أخلاقيات",
            "الأخلاقيات", "التضليل",
        ],
        [ThemeIds.AiVideo] =
        [
            // ja
            "動画生成", "ai動画", "動画ai", "映像生成", "ディープフェイク", "アバター",
            // zh
            "视频生成", "影片生成", "ai视频", "文生视频", "深度伪造", "数字人",
            // ko
            "영상 생성", "동영상 생성", "딥페이크", "ai 영상",
            // es / pt / fr / de / it
            "generación de video", "generación de vídeo", "generador de video", "vídeo generado", "video generado",
            "geração de vídeo", "vídeo gerado", "génération de vidéo", "génération vidéo", "vidéo générée", "videogenerierung",
            "ki-video", "ki video", "generazione video", "video generato",
            // tr / ru / id / ar
            "video üretimi", "yapay zeka videosu", "генерация видео", "ии-видео", "дипфейк", "дипфейки",
            "pembuatan video", "توليد الفيديو", "فيديو بالذكاء الاصطناعي", "التزييف العميق",
        ],
        [ThemeIds.Cloud] =
        [
            // ja
            "クラウド", "企業", "業務", "導入", "データセンター", "社内",
            // zh
            "云服务", "云计算", "雲端", "企业", "企業", "数据中心", "算力",
            // ko
            "클라우드", "기업", "데이터센터", "도입",
            // es / pt / fr / de / it
            "nube", "en la nube", "empresa", "empresas", "centro de datos", "centros de datos", "nuvem", "na nuvem", "empresas",
            "nuage", "entreprise", "entreprises", "centre de données", "centres de données",
            "unternehmen", "rechenzentrum", "rechenzentren", "aziende", "azienda",
            // tr / ru / id / ar
            "bulut", "bulutta", "şirket", "şirketler", "veri merkezi",
            "облако", "облачные", "облачных", "компании", "предприятия", "дата-центр", "дата-центры",
            "komputasi awan", "perusahaan", "pusat data",
            "السحابة", "السحابية", "الشركات", "مراكز البيانات",
        ],
        [ThemeIds.Security] =
        [
            // ja
            "セキュリティ", "情報漏洩", "情報漏えい", "漏洩", "ハッキング", "ハッカー", "詐欺", "マルウェア", "ウイルス", "脆弱性", "脱獄",
            "フィッシング", "サイバー", "不正アクセス", "悪用", "なりすまし",
            // zh
            "网络安全", "網路安全", "信息安全", "泄露", "洩露", "泄漏", "黑客", "駭客", "诈骗", "詐騙", "恶意软件", "漏洞", "越狱", "钓鱼",
            // ko
            "보안", "유출", "해킹", "해커", "사기", "악성코드", "취약점", "탈옥", "피싱", "사이버",
            // es / pt
            "seguridad", "ciberseguridad", "filtración", "filtracion", "filtrado", "hackeo", "hackear", "estafa", "estafas", "fraude",
            "vulnerabilidad", "suplantación", "segurança", "cibersegurança", "vazamento", "vazou", "vulnerabilidade",
            // fr
            "sécurité", "securite", "cybersécurité", "fuite", "fuites", "piratage", "pirater", "arnaque", "arnaques",
            "escroquerie", "escroqueries", "vulnérabilité", "hameçonnage",
            // de / it
            "sicherheit", "cybersicherheit", "datenleck", "datenlecks", "betrug", "betrüger", "schadsoftware", "sicherheitslücke",
            "sicurezza", "truffa", "truffe", "violazione",
            // tr / ru / id / ar
            "güvenlik", "siber", "sızıntı", "sızdırıldı", "dolandırıcılık", "dolandırıcılar", "kötü amaçlı yazılım", "güvenlik açığı",
            "безопасность", "безопасности", "кибербезопасность", "утечка", "утечки", "мошенники", "мошенничество", "взлом",
            "хакеры", "уязвимость",
            "keamanan", "keamanan siber", "kebocoran", "bocor", "penipuan", "peretas", "diretas",
            "الأمن السيبراني", "الأمن", "أمن", "تسريب", "اختراق", "احتيال", "القرصنة", "برمجيات خبيثة",
        ],
    };
}
