"""Input parsing and validation only, split by who fills the form in: `applying` (the
applicant), `review` (committee staff and the area's fælles-skaber on the case page,
the queue's filters, meetings) and `rounds` (staff open and change rounds). The rules
live in projektudvalg.services; `fields` has what they share."""
