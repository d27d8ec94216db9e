<?php declare(strict_types=1);
// Runs the Model Openness Tool's own PHP (ModelUpdater, LicenseImporter, LicenseHandler, ComponentManager, ModelEvaluator) on model.yml files,
// with stand-ins for the Drupal services they call, and prints one JSON line per file: its class and progress per class.
// Usage: php scripts/mot-evaluate.php MOT_CHECKOUT FILE.yml… (needs PHP 8.1+ with the yaml extension: apt-get install php-cli php-yaml).
// The MOT reads model files with Symfony's YAML parser; the yaml extension (libyaml) reads these files the same way.

namespace Drupal\Core\Entity { interface EntityTypeManagerInterface { public function getStorage(string $type); } interface EntityStorageInterface {} class EntityStorageException extends \Exception {} }
namespace Drupal\Core\Extension { class ModuleExtensionList { public function __construct(private string $p) {} public function getPath(string $m): string { return $this->p; } } }
namespace Drupal\Core\Config { interface ConfigFactoryInterface { public function get(string $name); } }
namespace Drupal\Core\StringTranslation {
  class TranslatableMarkup { public function __construct(public string $s) {} public function __toString(): string { return $this->s; } }
  trait StringTranslationTrait { protected function t($s, array $a = []) { return new TranslatableMarkup((string) $s); } }
}
namespace Drupal\user { interface UserStorageInterface {} interface UserInterface {} }
namespace Psr\Log { interface LoggerInterface {} }
namespace Drupal\mof {
  interface ModelInterface {} interface ComponentManagerInterface {} interface LicenseHandlerInterface {} interface ModelEvaluatorInterface {}
  interface LicenseInterface {} interface ComponentInterface {}
}
namespace Drupal\mof\Entity {
  class Model implements \Drupal\mof\ModelInterface {
    const STATUS_APPROVED = 'approved';
    public array $f = [];
    public function set(string $k, $v) { $this->f[$k] = $v; return $this; }
    public function setStatus($s) { $this->f['status'] = $s; return $this; }
    public function save() { return 1; }
    public function getLicenses(): ?array { return $this->f['license_data']['licenses'] ?? null; }
    public function getComponents(): ?array { return $this->f['components'] ?? []; }
  }
}
namespace HowopenHarness {
  use Drupal\mof\Entity\Model;
  class Field { public function __construct(public $value) {} }
  class License implements \Drupal\mof\LicenseInterface {
    public array $f = [];
    public function set(string $k, $v) { $this->f[$k] = $v; return $this; }
    public function save() { return 1; }
    public function getLicenseId(): string { return (string) $this->f['license_id']; }
    public function isOsiApproved(): bool { return (bool) ($this->f['osi_approved'] ?? false); }
    public function isFsfApproved(): bool { return (bool) ($this->f['fsf_libre'] ?? false); }
    public function isDeprecated(): bool { return (bool) ($this->f['deprecated_license_id'] ?? false); }
    public function getContentType(): array { return array_values(array_filter($this->f['content_type'] ?? [])); }
    public function __toString(): string { return $this->getLicenseId(); }
  }
  class LicenseStorage {
    public array $all = [];
    public function loadByProperties(array $p) { return array_values(array_filter($this->all, fn($l) => ($l->f['license_id'] ?? null) === $p['license_id'])); }
    public function create() { $l = new License(); $this->all[] = $l; return $l; }
    public function loadMultiple() { return $this->all; }
  }
  class ModelStorage implements \Drupal\Core\Entity\EntityStorageInterface { public function create() { return new Model(); } public function loadByProperties(array $p) { return []; } }
  class UserStorage implements \Drupal\user\UserStorageInterface {}
  class Etm implements \Drupal\Core\Entity\EntityTypeManagerInterface {
    public function __construct(public LicenseStorage $licenses) {}
    public function getStorage(string $type) { return match ($type) { 'license' => $this->licenses, 'model' => new ModelStorage(), 'user' => new UserStorage() }; }
  }
  class Config { public function __construct(private array $d) {} public function get(string $k) { return $this->d[$k]; } }
  class ConfigFactory implements \Drupal\Core\Config\ConfigFactoryInterface { public function __construct(private array $d) {} public function get(string $n) { return new Config($this->d); } }
  class Logger implements \Psr\Log\LoggerInterface {}
}
namespace {
  [$self, $mot] = [$argv[0], $argv[1] ?? ''];
  $files = array_slice($argv, 2);
  $mod = rtrim($mot, '/') . '/web/modules/mof';
  if (!is_dir($mod . '/src')) { fwrite(STDERR, "usage: php $self MOT_CHECKOUT FILE.yml…\n"); exit(2); }
  foreach (['Component', 'ComponentManager', 'LicenseHandler', 'LicenseImporter', 'ModelUpdater', 'ModelEvaluator'] as $c) require $mod . "/src/$c.php";
  error_reporting(E_ALL & ~E_WARNING); // mof-licenses.json lacks some SPDX fields the importer copies; it stores null for them.
  $licenses = new HowopenHarness\LicenseStorage();
  $etm = new HowopenHarness\Etm($licenses);
  (new Drupal\mof\LicenseImporter($etm, new Drupal\Core\Extension\ModuleExtensionList($mod), new HowopenHarness\Logger()))->import();
  $settings = yaml_parse_file($mod . '/config/install/mof.settings.yml');
  $cm = new Drupal\mof\ComponentManager(new HowopenHarness\ConfigFactory($settings));
  $lh = new Drupal\mof\LicenseHandler($etm);
  $updater = new Drupal\mof\ModelUpdater($etm, $cm);
  foreach ($files as $file) {
    $data = yaml_parse_file($file);
    $model = new Drupal\mof\Entity\Model();
    $updater->update($model, $data['release']);
    $ev = new Drupal\mof\ModelEvaluator($etm, $cm, $lh);
    $ev->setModel($model);
    $e = $ev->evaluate();
    echo json_encode([
      'file' => basename($file),
      'class' => $ev->getClassification(false),
      'progress' => [1 => $ev->getProgress(1), 2 => $ev->getProgress(2), 3 => $ev->getProgress(3)],
      'included' => $e[1]['components']['included'],
      'notTypeAppropriate' => $e['not-type-appropriate'],
    ]) . "\n";
  }
}
