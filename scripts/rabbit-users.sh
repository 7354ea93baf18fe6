# Sourced by run.sh and faults/run.sh: the RabbitMQ user each service runs as (scripts/rabbit-provision.py).
RABBIT_USERS_FILE="${INFRA_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.infra}/rabbitmq-users.env"

# Makes the service users (passwords kept in .infra/rabbitmq-users.env) and declares the subscriber queues.
provision_rabbit() {
  RABBITMQ_ADMIN_USER="$RabbitMq__Username" RABBITMQ_ADMIN_PASSWORD="$RabbitMq__Password" RABBITMQ_MGMT_PORT="$RabbitMq__ManagementPort" \
    python3 "$(dirname "${BASH_SOURCE[0]}")/rabbit-provision.py" --passwords "$RABBIT_USERS_FILE"
}

# Exports RabbitMq__Username / RabbitMq__Password for one service, by its project name (Intake, LegalDiversion, ...).
use_rabbit_user() {
  local service; service=$(echo "$1" | sed -E 's/([a-z])([A-Z])/\1-\2/g' | tr '[:upper:]' '[:lower:]')
  # shellcheck disable=SC1090
  . "$RABBIT_USERS_FILE"
  local var="RABBITMQ_PASSWORD_$(echo "$service" | tr 'a-z-' 'A-Z_')"
  export RabbitMq__Username="coordination-$service" RabbitMq__Password="${!var}"
}
