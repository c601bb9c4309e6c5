//! The closed vocabularies of a relic file: rank, category and type. Their keys are the words
//! officers write and the words the open data publishes; their labels live in the theme's
//! `i18n/<lang>.toml`, under `[rank]`, `[category]` and `[type]`.

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $group:literal { $($variant:ident = $key:literal $(| $alias:literal)*,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(into = "&'static str", try_from = "String")]
        pub enum $name { $($variant,)+ }

        impl TryFrom<String> for $name {
            type Error = String;

            fn try_from(key: String) -> Result<$name, String> {
                $name::from_key(&key).ok_or_else(|| format!("no {} is called {key}", $group))
            }
        }

        impl $name {
            /// The table of the theme's strings that holds the labels.
            pub const GROUP: &'static str = $group;
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            pub fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }

            pub fn keys() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.key()).collect()
            }

            /// The value meant by a Vietnamese word for it, written without accents and with
            /// hyphens (`quoc-gia`): officers think in Vietnamese, so mistakes look like this.
            pub fn from_vietnamese(slug: &str) -> Option<$name> {
                match slug {
                    $($($alias)|* => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl From<$name> for &'static str {
            fn from(value: $name) -> &'static str {
                value.key()
            }
        }
    };
}

vocabulary! {
    /// The level a relic was ranked at (Luật Di sản văn hoá).
    Rank, "rank" {
        SpecialNational = "special-national" | "quoc-gia-dac-biet" | "cap-quoc-gia-dac-biet" | "di-tich-quoc-gia-dac-biet",
        National = "national" | "quoc-gia" | "cap-quoc-gia" | "di-tich-quoc-gia" | "di-tich-cap-quoc-gia",
        Provincial = "provincial" | "tinh" | "cap-tinh" | "di-tich-cap-tinh",
        Unranked = "unranked" | "chua-xep-hang",
    }
}

vocabulary! {
    /// What kind of place a relic is.
    Category, "category" {
        Temple = "temple" | "den",
        Pagoda = "pagoda" | "chua",
        CommunalHouse = "communal-house" | "dinh" | "dinh-lang",
        AncestralHall = "ancestral-hall" | "nha-tho-ho" | "nha-tho-dong-ho" | "tu-duong",
        Shrine = "shrine" | "mieu" | "phu" | "am",
        Church = "church" | "nha-tho" | "nha-tho-giao-xu",
        Memorial = "memorial" | "khu-luu-niem" | "nha-luu-niem" | "nha-bia" | "bia-tuong-niem",
        Tomb = "tomb" | "lang" | "mo" | "lang-mo",
        EventSite = "event-site" | "dia-diem" | "dia-diem-su-kien" | "dia-diem-lich-su",
        Archaeological = "archaeological" | "khao-co" | "di-chi" | "di-chi-khao-co",
        Landscape = "landscape" | "danh-lam" | "danh-lam-thang-canh" | "thang-canh",
        Other = "other" | "khac",
    }
}

vocabulary! {
    /// The types of relic the law distinguishes.
    RelicType, "type" {
        Historical = "historical" | "lich-su",
        ArchitecturalArtistic = "architectural-artistic" | "kien-truc-nghe-thuat" | "kien-truc",
        Archaeological = "archaeological" | "khao-co",
        Landscape = "landscape" | "danh-lam-thang-canh",
        Mixed = "mixed" | "hon-hop",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for rank in Rank::ALL {
            assert_eq!(Rank::from_key(rank.key()), Some(*rank));
        }
        assert_eq!(
            Category::from_key("ancestral-hall"),
            Some(Category::AncestralHall)
        );
        assert_eq!(RelicType::from_key("quoc gia"), None);
        assert_eq!(Rank::from_vietnamese("quoc-gia"), Some(Rank::National));
        assert_eq!(
            Category::from_vietnamese("dinh"),
            Some(Category::CommunalHouse)
        );
    }

    #[test]
    fn serializes_as_its_key() {
        assert_eq!(
            serde_json::to_string(&Rank::SpecialNational).unwrap(),
            "\"special-national\""
        );
    }
}
