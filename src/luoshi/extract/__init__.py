"""One module per fact: furniture, credits, directives, people, titles, places, meeting,
formulations, tasks, dates. Each step is a function (doc, kb) -> None."""
