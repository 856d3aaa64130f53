"""lokalfora's forms, one module per sub-domain. They parse and validate input only; the rules
are in lokalfora.services."""
