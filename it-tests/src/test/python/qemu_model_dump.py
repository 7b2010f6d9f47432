#!/usr/bin/env python3
"""Dump a QAPI schema as QEMU's own frontend models it, in qapi-gen's canonical dump format.

Usage: qemu_model_dump.py QEMU_SCRIPTS_DIR ENTRY_FILE

QEMU_SCRIPTS_DIR is the 'scripts' folder of a QEMU source tree (the one holding the 'qapi' package);
QEMU's frontend is imported from there, at run time: nothing of QEMU is part of this script. The output is
the JSON that 'qapi-gen dump ENTRY_FILE' prints (README.md, "The dump format"), so that the two models can
be compared entity by entity. Written against QEMU 7.2's frontend (scripts/qapi/schema.py).
"""

import json
import os
import sys


def main(argv):
    if len(argv) != 3:
        sys.stderr.write('usage: qemu_model_dump.py QEMU_SCRIPTS_DIR ENTRY_FILE\n')
        return 2
    scripts_dir, entry = argv[1], argv[2]
    sys.path.insert(0, scripts_dir)
    # pylint: disable=import-outside-toplevel
    from qapi.error import QAPIError
    from qapi.schema import (
        QAPISchema,
        QAPISchemaAlternateType,
        QAPISchemaArrayType,
        QAPISchemaCommand,
        QAPISchemaEnumType,
        QAPISchemaEvent,
        QAPISchemaObjectType,
    )

    try:
        schema = QAPISchema(entry)
    except QAPIError as err:
        sys.stderr.write('%s\n' % err)
        return 1
    entry_dir = os.path.dirname(entry)

    def if_cond(ifcond):
        # QAPISchemaIfCond.ifcond is the value as the schema wrote it (after QEMU's normalisation):
        # None, a string, or {'all': [...]} / {'any': [...]} / {'not': ...}, nested.
        return ifcond.ifcond

    def features(owner):
        return [{'name': f.name, 'if': if_cond(f.ifcond)} for f in owner.features]

    def type_ref(typ):
        # QEMU names the array of T 'TList', an implicit type; the schema (and our dump) writes ['T'].
        if isinstance(typ, QAPISchemaArrayType):
            return '[%s]' % typ.element_type.name
        return typ.name

    def members(member_list):
        return [{'name': m.name,
                 'type': type_ref(m.type),
                 'optional': m.optional,
                 'if': if_cond(m.ifcond),
                 'features': features(m)} for m in member_list]

    def data(typ):
        # A command's or event's arguments, or a union's base: none, a named type, or written inline
        # (which QEMU turns into an implicit object type q_obj_NAME-arg / q_obj_NAME-base).
        if typ is None:
            return None
        if typ.is_implicit():
            return {'members': members(typ.local_members)}
        return typ.name

    def branches(owner, variants):
        # Only the branches the schema declares. QEMU's QAPISchemaVariants.check() appends a branch of
        # type 'q_empty' for every discriminator value the union leaves out. Telling them apart by type
        # would be unsound (a declared branch could name an empty type), and by position needs the
        # count before check(), which QAPISchema's constructor has already run. What is sound is
        # defined_in: a declared branch is set_defined_in() the union (or alternate) itself, while
        # check() sets an added branch's defined_in to tag_member.defined_in, the base type that holds
        # the discriminator member (a named struct or the implicit q_obj_NAME-base), never the union:
        # a union's base must be a struct, so it has a different name.
        return [{'name': v.name, 'type': type_ref(v.type), 'if': if_cond(v.ifcond)}
                for v in variants.variants if v.defined_in == owner.name]

    def relative_file(info):
        path = os.path.relpath(os.path.normpath(info.fname), os.path.normpath(entry_dir or '.'))
        return path.replace(os.sep, '/')

    entities = []
    for ent in schema._entity_list:  # pylint: disable=protected-access
        # Skipped: include directives, built-in types, arrays (implicit), implicit object types
        # (q_obj_*, q_empty) and QType, which is predefined (its is_implicit() says so).
        if not isinstance(ent, (QAPISchemaEnumType, QAPISchemaObjectType, QAPISchemaAlternateType,
                                QAPISchemaCommand, QAPISchemaEvent)):
            continue
        if ent.info is None or (not isinstance(ent, (QAPISchemaCommand, QAPISchemaEvent))
                                and ent.is_implicit()):
            continue
        out = {
            'meta': ent.meta,
            'name': ent.name,
            'if': if_cond(ent.ifcond),
            'features': features(ent),
            'file': relative_file(ent.info),
            'line': ent.info.line,
        }
        if isinstance(ent, QAPISchemaEnumType):
            out['prefix'] = ent.prefix
            out['values'] = [{'name': m.name, 'if': if_cond(m.ifcond), 'features': features(m)}
                             for m in ent.members]
        elif isinstance(ent, QAPISchemaObjectType) and not ent.variants:
            out['base'] = ent.base.name if ent.base else None
            out['members'] = members(ent.local_members)
        elif isinstance(ent, QAPISchemaObjectType):
            out['base'] = data(ent.base)
            out['discriminator'] = ent.variants._tag_name  # pylint: disable=protected-access
            out['branches'] = branches(ent, ent.variants)
        elif isinstance(ent, QAPISchemaAlternateType):
            out['branches'] = branches(ent, ent.variants)
        elif isinstance(ent, QAPISchemaCommand):
            out['data'] = data(ent.arg_type)
            out['returns'] = type_ref(ent.ret_type) if ent.ret_type else None
            out['boxed'] = ent.boxed
            out['gen'] = ent.gen
            out['success-response'] = ent.success_response
            out['allow-oob'] = ent.allow_oob
            out['allow-preconfig'] = ent.allow_preconfig
            out['coroutine'] = ent.coroutine
        else:
            out['data'] = data(ent.arg_type)
            out['boxed'] = ent.boxed
        entities.append(out)

    json.dump({'entities': entities}, sys.stdout, indent=2)
    sys.stdout.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
