"""Entities: who and what an article names, of which type, and which names are one entity.

* :mod:`.mentions` - mentions of people, organisations and places in one parsed Doc, with one type per
  name in the article;
* :mod:`.cues` - evidence for a type from a mention's context, and text that is no prose (tables);
* :mod:`.typer` - the learned span classifier (weights shipped in ``data/entity_typer.json``);
* :mod:`.gazetteer` - place and country names from maintained gazetteers;
* :mod:`.linking` - canonical entities across a corpus (surnames, spelling variants, aliases).
"""
