"""Morpheme tables for the synthetic name pool (`synthetic_name_pool`), one per region the
program's participants come from. Each table has a head of common names, most common first
(single names are common to millions: never a person's record), and stems x endings that
generate a long tail of rarer, real-looking ones. Every combination is synthetic."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    share: float  # of the caseload
    countries: tuple[str, ...]
    family_head: tuple[str, ...]
    family_stems: tuple[str, ...]
    family_endings: tuple[str, ...]
    given_head: tuple[str, ...]
    given_stems: tuple[str, ...]
    given_endings: tuple[str, ...]
    family_zipf: float = 1.0  # a steeper rank-frequency curve where few surnames dominate
    two_given: float = 0.15  # share with two given names
    two_family: float = 0.03  # share with two family names (a space or a hyphen)
    patronymic: bool = False  # the family name is a father's given name
    joiner: str = ""  # between a given stem and its ending ("Thi" + "Lan": a space)


def _s(text: str) -> tuple[str, ...]:
    return tuple(text.split())


REGIONS: dict[str, Region] = {
    "hispanic": Region(
        0.22, ("MX", "CO", "GT", "SV", "HN"),
        _s("García Rodríguez Hernández Martínez López González Pérez Sánchez Ramírez Flores "
           "Torres Rivera Gómez Díaz Cruz Morales Reyes Gutiérrez Ortiz Ramos Castillo "
           "Mendoza Vargas Romero Herrera Medina Aguilar Jiménez Castro Ruiz Álvarez Chávez "
           "Navarro Quispe Mamani Fernández Moreno Rojas Guzmán Salazar"),
        _s("Arr Bal Barr Bust Cab Cald Camp Carr Cerv Cor Dom Esc Esp Fal Gal Guer Ib Lar "
           "Led Lor Mald Mar Mir Mont Nar Ol Orl Pal Pard Quint Rab Sal Sep Tal Tej Ur Val "
           "Vel Vill Zam Zav"),
        _s("ez es ado eda era ero illo ino ana ales anza ón uela iño oza"),
        _s("José María Juan Luis Carlos Ana Rosa Guadalupe Jesús Miguel Francisco Antonio "
           "Jorge Pedro Manuel Alejandro Fernando Daniel Sofía Lucía Mateo Valentina Camila "
           "Gabriela Andrea Diego Javier Ricardo Roberto Marta Elena Isabel Patricia Carmen "
           "Teresa Alberto Sergio Raúl Óscar Wilmer Yesenia Maricela Brenda Edgar Kevin"),
        _s("Adel Alej Amad Anit Arman Bel Cel Cris Dam Elis Emil Esteb Ever Flor Hon Ign "
           "Leon Marc Marib Nel Norm Oct Rom Sant Sev Vict Yol"),
        _s("o a ino ina ela iel ando anda ita ito"),
        two_given=0.45, two_family=0.35),
    "arabic": Region(
        0.11, ("SY", "SD", "IQ", "LB"),
        _s("Mohammed Ahmed Ali Hassan Hussein Ibrahim Mahmoud Abdullah Khalil Haddad Saleh "
           "Youssef Omar Al-Masri Nasser Khatib Halabi Darwish Mansour Saad Hamdan Othman"),
        _s("Al-Kar Al-Nas Al-Ham Al-Sal Al-Jam Al-Rash Al-Fad Al-Khal Al-Shar Al-Zah Kar "
           "Nas Ham Sal Jam Rash Fad Khal Shar Zah Bak Haj Sab Qas Tam Naj"),
        _s("imi ami awi ari iri adi ouri oun an"),
        _s("Mohammed Ahmed Ali Omar Fatima Aisha Mariam Khadija Yusuf Ibrahim Hamza Nour "
           "Rania Zainab Layla Hassan Hussein Mahmoud Mustafa Khaled Tariq Samir Karim Rami "
           "Amal Huda Hiba Salma Dina Yasmin Bilal Anas Ayman Walid Ziad Majd Lina Reem"),
        _s("Kar Sal Ham Jam Rash Fad Khal Nab Wal Sam Nad Shak Jal Ras Mun Bas Naj Sab"),
        _s("im ima id ida ir ira il ila ah"),
        two_given=0.2),
    "somali": Region(
        0.06, ("SO",),
        (), (), (),
        _s("Mohamed Abdi Ahmed Ali Hassan Omar Farah Yusuf Abdullahi Ismail Nur Aden Osman "
           "Jama Warsame Hersi Guled Dahir Egal Abdirahman Hodan Fadumo Amina Halima Asha "
           "Hawa Sahra Ubah Ayan Deeqa Sagal Ifrah Muna Hamdi Khadra Nasra Ilhan"),
        _s("Abdi Abdul Cabdi"),
        _s("rahman rashid kadir wali fatah nasir aziz karim salam qadir hakim latif majid "
           "malik razak wahab"),
        family_zipf=1.1, two_given=0.1, patronymic=True),
    "horn": Region(
        0.07, ("ET", "ER"),
        (), (), (),
        _s("Abebe Tesfaye Dawit Selam Hiwot Yohannes Haile Tekle Berhane Kidane Mulugeta "
           "Tsega Meron Senait Almaz Biniam Yonas Samuel Daniel Semhar Helen Ruth Abel "
           "Mesfin Girma Bereket Tigist Eyerusalem Mekdes Habtom Filmon Awet Rahel"),
        _s("Gebre Wolde Haile Tesfa Kidane Berhe Hagos Tekle Fitsum Ghirmay Zere Asmerom"),
        _s("medhin selassie mariam kidan yesus michael giorgis hiwot egziabher amlak "
           "tsion gabir"),
        family_zipf=0.9, two_given=0.02, patronymic=True),
    "west_central_african": Region(
        0.10, ("NG", "CD", "GH", "CM", "GN"),
        _s("Okafor Okonkwo Adeyemi Mensah Osei Diallo Traoré Kamara Ndiaye Sow Bah Conteh "
           "Ilunga Kasongo Mukendi Tshibanda Mbala Nkurunziza Uwimana Kabeya Ouedraogo"),
        _s("Ade Ola Oke Nwa Obi Eze Oni Ako Tshi Mbu Kaba Ngo Mwa Ilu Asa Bo"),
        _s("yemi bayo kunle wale tola femi sanya chukwu nna ogu mba ndu nga mba kiese lenge"),
        _s("Emmanuel Grace Chidi Ngozi Kwame Abena Aminata Fatoumata Moussa Blessing "
           "Precious Joy Godwin Chinedu Oluwaseun Tunde Ifeoma Adaeze Kofi Akosua Mamadou "
           "Ousmane Mariama Ibrahima Christelle Patient Espoir Dieudonné Jean-Paul Gloire"),
        _s("Chi Olu Ife Ade Ola Nnam Kel Tol Bisi Yaw"),
        _s("nedu oma amaka buike nonso dinma seun tobi wale kemi yemi funmi"),
        two_given=0.2),
    "south_asian": Region(
        0.12, ("IN", "PK", "BD", "LK"),
        _s("Singh Kaur Patel Sharma Khan Rahman Chowdhury Hossain Begum Ahmed Gupta Kumar "
           "Shah Iqbal Malik Qureshi Islam Akter Sidhu Gill Sandhu Dhillon Grewal Reddy"),
        _s("Agar Bhand Chaud Desh Gand Josh Kapo Mehr Nag Pand Raj Sahn Sethi Thak Vahr "
           "Wal Bhat Chadh Dhaw Garg Kalr Mand"),
        _s("wal ari ary ra ia ani ar an"),
        _s("Priya Arjun Ravi Sunita Harpreet Gurpreet Manpreet Simran Amandeep Rajesh Anil "
           "Pooja Neha Rahul Vikram Imran Ayesha Farhan Nusrat Sadia Tanvir Rakib Shirin "
           "Faisal Usman Bilal Sana Hina Zara Asif"),
        _s("Ra Su Pra Vi Ani Ma De Ka Ha Har Gur Jas Man Bal Nav Sand"),
        _s("jesh nita kash deep preet vinder jeet mesh ndra shant inder want"),
        two_given=0.15),
    "persian_afghan": Region(
        0.07, ("IR", "AF"),
        _s("Ahmadi Hosseini Karimi Rezaei Mohammadi Hashemi Rahimi Moradi Jafari Sadeghi "
           "Ahmadzai Popalzai Stanikzai Noori Amiri Azizi Habibi Rasuli Sultani Haidari"),
        _s("Ahmad Karim Rahim Morad Jafar Sadegh Nazar Rasul Akbar Hakim Safar Naser "
           "Bahram Heidar Amin Ghafoor Nabi Qader Zaman Shams Farhad"),
        _s("i zadeh pour ian zai khil yar"),
        _s("Reza Ali Zahra Fatemeh Mohammad Mahmoud Ahmad Maryam Parisa Shirin Farid Omid "
           "Navid Behnam Ramin Sima Leila Nasrin Hamid Hossein Mehdi Sahar Shabnam Wahid "
           "Rahmatullah Gul Bibi Khalid Mursal Farzana Sohrab"),
        _s("Far Beh Nav Shah Mah Par Roz Sho Kam Jav"),
        _s("had zad id nam ram ideh ineh iar"),
        two_given=0.1),
    "vietnamese": Region(
        0.06, ("VN",),
        _s("Nguyen Nguyễn Tran Trần Le Lê Pham Phạm Hoang Huynh Phan Vu Vo Dang Bui Do Ho "
           "Ngo Duong Ly Truong Dinh Lam Mai Trinh Quach Luu Ton Ta Cao"),
        (), (),
        ("Thi Lan", "Van Minh", "Thi Hoa", "Van Tuan", "Minh", "Thi Mai", "Duc Anh",
         "Thanh Hung"),
        _s("Thi Van Duc Minh Ngoc Thanh Quoc Hoang Kim Bao"),
        _s("Lan Minh Hoa Tuan Anh Hung Dung Huong Linh Mai Phuong Quang Son Thao Trang "
           "Tuyet Vy Yen Hai Long Nam Khoa Hieu Nhung Trinh Hang Thu Tam Phuc Loc Vinh"),
        family_zipf=1.4, two_given=0.0, joiner=" "),
    "chinese": Region(
        0.06, ("CN", "TW", "HK"),
        _s("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao "
           "Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan "
           "Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao"),
        (), (),
        _s("Wei Jun Mei Ming Lei Jing Yan Hui Fang Xin"),
        _s("Wei Xiao Jia Zhi Hong Yu Chun Li Jian Ying Hai Guo Ming Shu Wen Yi"),
        _s("ming ling hua jie qiang fang yan ting hao yu lan xin jun mei bo kai"),
        family_zipf=1.2, two_given=0.0),
    "ukrainian": Region(
        0.07, ("UA",),
        _s("Shevchenko Bondarenko Kovalenko Tkachenko Kravchenko Melnyk Kovalchuk Ivanenko "
           "Petrenko Boyko Moroz Lysenko Marchenko Rudenko Savchenko Oliinyk Polishchuk"),
        _s("Shev Bondar Koval Tkach Krav Petr Ivan Sydor Moroz Lys Hnat Pav Savch Tymosh "
           "March Rud Zhuk Fedor Stepan Hryts Kuzm Ostap Romanyu Hord Lytv Danyl"),
        _s("enko chuk yuk ko skyi ska ov ova ych yak iv"),
        _s("Olena Dmytro Andriy Oksana Iryna Serhiy Yulia Natalia Mykola Taras Volodymyr "
           "Oleksandr Viktoria Kateryna Bohdan Yaroslav Halyna Svitlana Tetiana Maksym "
           "Artem Vasyl Liudmyla Nadiia Roman Ihor Yurii Anastasiia Sofiia Denys"),
        (), (), two_given=0.0),
    "haitian_francophone": Region(
        0.05, ("HT",),
        _s("Joseph Pierre Jean-Baptiste Charles Louis Saint-Fleur Dorvil Augustin Desir "
           "Toussaint Baptiste Jean-Louis Dubois Exantus Dorelus Jeanty Fils-Aimé Michel"),
        _s("Dor Ex Jo Del Al Cel Fen Mer Pet Val Lub Sain Ram Vil Ors Ti"),
        _s("elus ilus antus ier ard eau ois ant ine ismé"),
        _s("Wilner Jean-Pierre Marie-Claude Rose-Marie Jean-Robert Guerline Widlene Nadège "
           "Fabiola Jean Marie Stéphanie Ricardo Mackenson Woodly Jimmy Nathalie Roseline"),
        _s("Wil Wood Jean-Rob Mack Guer Wid Ros Ker Jo Fri"),
        _s("ner ly son line lène ande ens ly"),
        two_given=0.2),
    "turkish_kurdish": Region(
        0.03, ("TR",),
        _s("Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan "
           "Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek"),
        _s("Ak Er Gül Kar Öz Tek Bay Dur Kal Sar"),
        _s("soy kan can türk dağ taş oğlu"),
        _s("Mehmet Mustafa Ahmet Ali Hüseyin Hasan Ayşe Fatma Emine Zeynep Elif Murat "
           "Emre Serkan Berivan Rojda Dilan Baran Zana"),
        (), (), two_given=0.05),
}
