"""Uploaded import files: the size limit, and a fingerprint that ties a confirmation to its preview."""

import hashlib

from fastapi import UploadFile

from readiness.config import get_settings
from readiness.errors import ReadinessError
from readiness.imports.reading import ImportFile
from readiness.web.i18n import gettext as _

MEGABYTE = 1024 * 1024


class FileTooLarge(ReadinessError):
    status_code = 413
    title = "File too large"


def refuse_large(file: UploadFile) -> None:
    """Refuse an upload over the configured limit, before reading it."""
    limit = get_settings().import_max_megabytes
    if file.size is not None and file.size > limit * MEGABYTE:
        raise FileTooLarge(_("The file is %(size).1f MB; imports are limited to %(limit)d MB. "
                             "Split it into smaller files.", size=file.size / MEGABYTE, limit=limit))


def import_file(file: UploadFile) -> ImportFile:
    """The upload as an import file (its spooled content, not a copy in memory)."""
    refuse_large(file)
    return ImportFile(name=file.filename or "upload", content=file.file)


def fingerprint(file: ImportFile) -> str:
    """The SHA-256 of the file's bytes, read in blocks; the stream is rewound."""
    digest = hashlib.sha256()
    file.content.seek(0)
    while block := file.content.read(MEGABYTE):
        digest.update(block)
    file.content.seek(0)
    return digest.hexdigest()
