#!/bin/sh
echo "Prisma's schema engine is not available offline. Apply migrations with 'npm run db:migrate'" >&2
echo "and produce new migration SQL with 'npm run db:diff -- <name>' (see README)." >&2
exit 1
