"""Every write and business rule of lokalfora, one module per sub-domain: plain functions
`<entity>_<action>(*, ...)`, keyword-only, atomic. Import the module you need."""
