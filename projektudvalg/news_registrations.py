"""Municipal news registered with lokalfora's extension points: the area page, the area
feeds, the search (and the sitemap). Imported in ProjektudvalgConfig.ready()."""
