"""Municipal news in the follow mails (lokalfora/digest_sections.py). Imported in
ProjektudvalgConfig.ready()."""
